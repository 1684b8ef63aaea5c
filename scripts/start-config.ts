// Configuration of `npm start`, the one command that runs the whole platform. With no
// DATABASE_URL / REDIS_URL it starts embedded PostgreSQL and Redis and fills in demo secrets
// (kept in the data folder); pointed at real servers it demands real secrets.
import { z } from 'zod';
import { commaList, ConfigError, parseEnv, postgresUrl, redisUrl, secret, withoutEmpty } from '../lib/config/parse-env';

/** Secrets the platform's processes need. Embedded (demo) mode generates them once. */
export const SECRET_NAMES = ['INTERNAL_API_TOKEN', 'AUTH_SECRET', 'ENTRY_TOKEN_SECRET'] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

const StartEnv = z.object({
  DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: redisUrl.optional(),
  KAFKA_BROKERS: commaList.optional(),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  WORKER_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  OPENSEAT_DATA_DIR: z.string().default('.data'),
  /** Keep the embedded database between runs (default) or start from nothing each time (tests). */
  OPENSEAT_EPHEMERAL: z.stringbool().default(false),
  /** Load the demo events and accounts; on by default only with the embedded database. */
  SEED_DEMO_DATA: z.stringbool().optional(),
  INTERNAL_API_TOKEN: secret.optional(),
  AUTH_SECRET: secret.optional(),
  ENTRY_TOKEN_SECRET: secret.optional(),
  /** A provider without a real client id is played by its local stand-in, in demo mode only. */
  KAKAO_CLIENT_ID: z.string().optional(),
  NAVER_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
});

export type StartConfig = z.infer<typeof StartEnv> & { embeddedDatabase: boolean; seedDemoData: boolean };

export function loadStartConfig(env: Record<string, string | undefined>): StartConfig {
  const parsed = parseEnv(StartEnv, withoutEmpty(env));
  const embeddedDatabase = parsed.DATABASE_URL === undefined;
  if (!embeddedDatabase) {
    const missing = SECRET_NAMES.filter((name) => parsed[name] === undefined);
    if (missing.length) throw new ConfigError(missing.map((name) => `${name} is required when DATABASE_URL points at a real server`));
  }
  return { ...parsed, embeddedDatabase, seedDemoData: parsed.SEED_DEMO_DATA ?? embeddedDatabase };
}
