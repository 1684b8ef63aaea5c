// The Next server's configuration, parsed once on first use (never at build time, when the
// runtime environment is not there yet). Nothing else under app/ reads process.env.
import 'server-only';
import { z } from 'zod';
import { parseEnv, postgresUrl, redisUrl, secret, withoutEmpty } from '../../lib/config/parse-env';

const WebEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: postgresUrl,
  REDIS_URL: redisUrl,
  /** Where the worker fleet's API listens (the ALB in production). */
  WORKER_API_URL: z.url(),
  INTERNAL_API_TOKEN: secret,
  WORKER_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  /** Same values as the workers': the gateway and proxy.ts sign/verify entry tokens and queue tickets with them. */
  ENTRY_TOKEN_KEYS: z.string().min(1).optional(),
  /** One signing secret (what `npm start` generates); used as key id `s1` when ENTRY_TOKEN_KEYS is unset. */
  ENTRY_TOKEN_SECRET: secret.optional(),
});
export type WebConfig = z.infer<typeof WebEnv>;

let config: WebConfig | undefined;
export function webConfig(): WebConfig {
  config ??= parseEnv(WebEnv, withoutEmpty(process.env));
  return config;
}
