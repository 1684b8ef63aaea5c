// The worker fleet's configuration: parsed once at boot; nothing else in workers/ reads process.env.
import { z } from 'zod';
import { commaList, parseEnv, postgresUrl, redisUrl, smtpUrl, withoutEmpty } from '../lib/config/parse-env';
import { requireSecrets, secretShape } from '../lib/config/secret-env';
import type { PaymentsConfig } from '../lib/payments/payments-config';
import type { TransferLimits } from '../lib/transfers/transfer-limits';

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
  /** INTERNAL_API_TOKEN (the worker API refuses calls without it), the entry-token keys and PortOne's secrets. */
  ...secretShape('workers'),
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
  /** How long picked seats stay held for the user (7 minutes, as Korean ticket sites give to pay). */
  SEAT_HOLD_SECONDS: z.coerce.number().int().min(30).max(3_600).default(420),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(30_000),
  /** How often the admission role runs a tick per open waiting room. */
  ADMISSION_TICK_MS: z.coerce.number().int().min(50).default(1_000),
  /**
   * Scanners admit a performance's tickets from this long before it starts ("not yet open" before);
   * Korean halls open their doors an hour or two ahead and the ticket booth earlier.
   */
  CHECK_IN_OPENS_MINUTES_BEFORE: z.coerce.number().int().min(0).max(60 * 24 * 90).default(120),
  /** How often it writes a queue-depth sample (stats.queue_samples) for the admin chart. */
  QUEUE_SAMPLE_MS: z.coerce.number().int().min(1_000).default(5_000),

  /**
   * PortOne v2: the store and the channel the browser's checkout opens. Required, as the secrets
   * are (PORTONE_API_SECRET, PORTONE_WEBHOOK_SECRETS above): `npm start` points all of them at its
   * local stand-in, a deployment at its store.
   */
  PORTONE_API_URL: z.url().default('https://api.portone.io'),
  PORTONE_STORE_ID: z.string().min(1),
  PORTONE_CHANNEL_KEY: z.string().min(1),
  /** The stand-in's checkout pages (`<url>/<paymentId>`); unset with a real store (the browser uses @portone/browser-sdk). */
  PORTONE_CHECKOUT_URL: z.url().optional(),
  /** The channel authorises and waits for our confirm (수동 승인): the hold is checked before capture. */
  PORTONE_MANUAL_CONFIRM: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** A payment still READY/PAY_PENDING this long after checkout is looked up at PortOne (a missed webhook). */
  PAYMENT_PENDING_MINUTES: z.coerce.number().min(0).default(3),
  PAYMENT_RECONCILE_INTERVAL_MS: z.coerce.number().int().min(100).default(30_000),
  /** Webhook deliveries whose settle did not finish (a crash after the 200) are retried after this long. */
  PAYMENT_WEBHOOK_RETRY_SECONDS: z.coerce.number().min(0).default(30),
  /** A virtual account's deposit deadline never exceeds this (nor the sale's end, nor the show's eve). */
  VIRTUAL_ACCOUNT_MAX_HOURS: z.coerce.number().min(1).max(24 * 14).default(24),
  /** Deposits must land at least this long before the show starts. */
  VIRTUAL_ACCOUNT_CUTOFF_HOURS_BEFORE_SHOW: z.coerce.number().min(0).default(24),
  /** 양도: no transfer is offered or accepted this close to the show (the door lists are final by then). */
  TRANSFER_CUTOFF_HOURS_BEFORE_SHOW: z.coerce.number().min(0).max(24 * 30).default(24),
  /** Accepted transfers a ticket may go through in its life (1: the buyer may give it away once). */
  TRANSFER_MAX_PER_TICKET: z.coerce.number().int().min(0).max(100).default(1),
  /** How long the recipient has to answer an offer (never past the cutoff before the show). */
  TRANSFER_OFFER_HOURS: z.coerce.number().min(1).max(24 * 30).default(72),
  /** Outgoing mail: `smtp://user:pass@host:port` (`smtps://` for implicit TLS). Unset → notices are in-app only. */
  SMTP_URL: smtpUrl.optional(),
  MAIL_FROM: z.string().min(3).default('OpenSeat <no-reply@openseat.local>'),
  /** Set → spans over OTLP/HTTP to this collector (the task's sidecar: http://127.0.0.1:4318); unset → no tracing. */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  OTEL_SERVICE_NAME: z.string().default('openseat-workers'),
}).check(requireSecrets('workers'));

const WorkerEnvChecked = WorkerEnv.superRefine((env, ctx) => {
  if (Boolean(env.KAFKA_SASL_USERNAME) !== Boolean(env.KAFKA_SASL_PASSWORD)) {
    const missing = env.KAFKA_SASL_USERNAME ? 'KAFKA_SASL_PASSWORD' : 'KAFKA_SASL_USERNAME';
    ctx.addIssue({ code: 'custom', path: [missing], message: `is required with ${missing === 'KAFKA_SASL_PASSWORD' ? 'KAFKA_SASL_USERNAME' : 'KAFKA_SASL_PASSWORD'}` });
  }
});

export type WorkerConfig = z.infer<typeof WorkerEnv>;

export function loadWorkerConfig(env: Record<string, string | undefined> = process.env): WorkerConfig {
  return parseEnv(WorkerEnvChecked, withoutEmpty(env));
}

/** The PortOne settings lib/payments takes. */
export function paymentsConfig(config: WorkerConfig): PaymentsConfig {
  return {
    portone: { apiUrl: config.PORTONE_API_URL, apiSecret: config.PORTONE_API_SECRET, storeId: config.PORTONE_STORE_ID },
    channelKey: config.PORTONE_CHANNEL_KEY,
    webhookSecrets: config.PORTONE_WEBHOOK_SECRETS.split(',').map((s) => s.trim()),
    checkoutUrl: config.PORTONE_CHECKOUT_URL ?? null,
    manualConfirm: config.PORTONE_MANUAL_CONFIRM,
    pendingMinutes: config.PAYMENT_PENDING_MINUTES,
    webhookRetrySeconds: config.PAYMENT_WEBHOOK_RETRY_SECONDS,
    virtualAccount: { maxHours: config.VIRTUAL_ACCOUNT_MAX_HOURS, cutoffHoursBeforeShow: config.VIRTUAL_ACCOUNT_CUTOFF_HOURS_BEFORE_SHOW },
  };
}

/** The transfer limits lib/transfers takes. */
export function transferLimits(config: WorkerConfig): TransferLimits {
  return {
    cutoffHoursBeforeShow: config.TRANSFER_CUTOFF_HOURS_BEFORE_SHOW,
    maxPerTicket: config.TRANSFER_MAX_PER_TICKET,
    offerHours: config.TRANSFER_OFFER_HOURS,
  };
}
