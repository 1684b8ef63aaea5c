// The worker fleet's configuration: parsed once at boot; nothing else in workers/ reads process.env.
import { z } from 'zod';
import { commaList, parseEnv, postgresUrl, redisUrl, secret, withoutEmpty } from '../lib/config/parse-env';

export const ROLE_NAMES = ['api', 'admission', 'reservations', 'payments', 'relay', 'stats'] as const;
export type RoleName = (typeof ROLE_NAMES)[number];

const WorkerEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** One role per ECS service in production; `all` runs every role in one process (a laptop). */
  WORKER_ROLE: z
    .string()
    .default('all')
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum([...ROLE_NAMES, 'all'])).min(1))
    .transform((roles): RoleName[] => (roles.includes('all') ? [...ROLE_NAMES] : (roles as RoleName[]))),
  WORKER_HOST: z.string().default('0.0.0.0'),
  WORKER_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  DATABASE_URL: postgresUrl,
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  REDIS_URL: redisUrl,
  /** Shared with the Next gateway: the worker API refuses calls that do not carry it. */
  INTERNAL_API_TOKEN: secret,
  /** Set → Kafka transport; unset → the in-process transport over the same outbox. */
  KAFKA_BROKERS: commaList.optional(),
  KAFKA_CLIENT_ID: z.string().default('openseat'),
  /** MSK's SASL/SCRAM credentials (TLS is then on too); both or neither. */
  KAFKA_SASL_USERNAME: z.string().min(1).optional(),
  KAFKA_SASL_PASSWORD: z.string().min(1).optional(),
  /** A restarted consumer rejoins its group after about this long (the mock cluster: use 6000). */
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(1_000).default(30_000),
  /** How long an idle fetch waits on the broker: the floor of commit-to-effect latency. */
  KAFKA_MAX_WAIT_MS: z.coerce.number().int().min(1).default(100),
  /** Outbox relay: rows per claim, idle poll (LISTEN/NOTIFY wakes it sooner), lease, retention. */
  RELAY_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(500),
  RELAY_POLL_MS: z.coerce.number().int().min(10).default(500),
  RELAY_LEASE_MS: z.coerce.number().int().min(1_000).default(60_000),
  /**
   * Least time between two publishes of a relay. librdkafka's mock broker answers a fetch with
   * one record batch per partition, so its consumers drain one publish per partition per round
   * trip: at 3,000 events/s a relay publishing every ~15 ms outran consumers whose round trip
   * (fetch + transaction) took 25-50 ms here, and queued batches took commit-to-effect p50 to
   * 200-600 ms; 50 ms between publishes brought it to 73 ms. Real brokers return every batch a
   * fetch has room for: leave 0 there.
   */
  RELAY_LINGER_MS: z.coerce.number().int().min(0).max(1_000).default(0),
  OUTBOX_RETENTION_HOURS: z.coerce.number().min(0).default(24),
  /** How long picked seats stay held for the user (the documents: 7 minutes to pay). */
  SEAT_HOLD_SECONDS: z.coerce.number().int().min(30).max(3_600).default(420),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  /** Entry tokens and queue tickets: `kid:secret[,kid:secret]`, first signs, all verify (rotation). Same value in web and workers. */
  ENTRY_TOKEN_KEYS: z.string().min(1).optional(),
  /** One signing secret (what `npm start` generates); used as key id `s1` when ENTRY_TOKEN_KEYS is unset. */
  ENTRY_TOKEN_SECRET: secret.optional(),
  /** How often the admission role runs a tick per open waiting room. */
  ADMISSION_TICK_MS: z.coerce.number().int().min(50).default(1_000),
  /** How often it writes a queue-depth sample (stats.queue_samples) for the admin chart. */
  QUEUE_SAMPLE_MS: z.coerce.number().int().min(1_000).default(5_000),
  /** Set → spans over OTLP/HTTP to this collector (the task's sidecar: http://127.0.0.1:4318); unset → no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().default('openseat-workers'),
}).superRefine((env, ctx) => {
  if (Boolean(env.KAFKA_SASL_USERNAME) !== Boolean(env.KAFKA_SASL_PASSWORD)) {
    const missing = env.KAFKA_SASL_USERNAME ? 'KAFKA_SASL_PASSWORD' : 'KAFKA_SASL_USERNAME';
    ctx.addIssue({ code: 'custom', path: [missing], message: `is required with ${missing === 'KAFKA_SASL_PASSWORD' ? 'KAFKA_SASL_USERNAME' : 'KAFKA_SASL_PASSWORD'}` });
  }
});

export type WorkerConfig = z.infer<typeof WorkerEnv>;

export function loadWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  return parseEnv(WorkerEnv, withoutEmpty(env));
}
