// Configuration of `npm start`, the one command that runs the whole platform. With no
// DATABASE_URL / REDIS_URL it starts embedded PostgreSQL and Redis. Secrets that are given are
// checked here and passed on; the others are generated once into the data folder
// (secretsToGenerate), so the processes it starts always have every secret they require.
import { z } from 'zod';
import { commaList, parseEnv, postgresUrl, redisUrl, withoutEmpty } from '../lib/config/parse-env';
import { givenSecretShape } from '../lib/config/secret-env';

/** What names a real PortOne store; with none of them, `npm start` runs its stand-in. */
const REAL_PORTONE = ['PORTONE_API_SECRET', 'PORTONE_WEBHOOK_SECRETS', 'PORTONE_STORE_ID', 'PORTONE_CHANNEL_KEY'] as const;

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
  /** PORTONE_API_SECRET and PORTONE_WEBHOOK_SECRETS among them: given → a real store; neither → the local stand-in, with generated ones. */
  ...givenSecretShape(),
  /** A real store's id and channel key, given together with its two secrets. */
  PORTONE_STORE_ID: z.string().min(1).optional(),
  PORTONE_CHANNEL_KEY: z.string().min(1).optional(),
  /** The stand-in's port (0: any free one) and whether it plays a channel with manual confirm (수동 승인). */
  PORTONE_STANDIN_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  PORTONE_STANDIN_MANUAL_CONFIRM: z.stringbool().default(false),
  /** Set → mail goes to that SMTP server; unset → `npm start` runs a local one with a mailbox page. */
  SMTP_URL: z.string().min(1).optional(),
  SMTP_STANDIN_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  MAILBOX_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /** A provider without a real client id is played by its local stand-in, in demo mode only. */
  KAKAO_CLIENT_ID: z.string().optional(),
  NAVER_CLIENT_ID: z.string().optional(),
  GOOGLE_CLIENT_ID: z.string().optional(),
}).superRefine((env, ctx) => {
  // Half a store would start a stand-in that the given keys do not open, or a fleet that refuses to boot.
  const given = REAL_PORTONE.filter((name) => env[name] !== undefined);
  if (given.length === 0 || given.length === REAL_PORTONE.length) return;
  for (const name of REAL_PORTONE) {
    if (env[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: `is required when ${given[0]} is set (a real PortOne store)` });
  }
});

export type StartConfig = z.infer<typeof StartEnv> & { embeddedDatabase: boolean; seedDemoData: boolean };

export function loadStartConfig(env: Record<string, string | undefined>): StartConfig {
  const parsed = parseEnv(StartEnv, withoutEmpty(env));
  const embeddedDatabase = parsed.DATABASE_URL === undefined;
  return { ...parsed, embeddedDatabase, seedDemoData: parsed.SEED_DEMO_DATA ?? embeddedDatabase };
}
