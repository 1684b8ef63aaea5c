// Worker fleet entry: `tsx workers/main.ts --role=api` (or WORKER_ROLE=api,relay; default all).
// Production runs one role per ECS service; a laptop runs them all in one process.
import { createPrisma } from '../lib/db/create-prisma';
import { createLogger } from '../lib/logging/create-logger';
import { createMailer } from '../lib/mail/create-mailer';
import { createRedis } from '../lib/redis/create-redis';
import { startTracing } from '../lib/tracing/start-tracing';
import { ConfigError } from '../lib/config/parse-env';
import { loadWorkerConfig, type WorkerConfig } from './config';
import { ROLES } from './roles';
import type { RoleHandle, WorkerContext } from './runtime/context';
import { createMetricsRegistry } from './runtime/metrics';
import { startLivenessServer } from './runtime/start-liveness-server';

const roleFlag = process.argv.find((a) => a.startsWith('--role='))?.slice('--role='.length);

let config: WorkerConfig;
try {
  config = loadWorkerConfig({ ...process.env, ...(roleFlag ? { WORKER_ROLE: roleFlag } : {}) });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`workers: ${error.message}`);
    process.exit(78); // EX_CONFIG
  }
  throw error;
}

// Before anything opens a connection, so the first requests are traced too.
const tracing = config.OTEL_EXPORTER_OTLP_ENDPOINT
  ? startTracing({ serviceName: config.OTEL_SERVICE_NAME, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT, attributes: { 'openseat.roles': config.WORKER_ROLE.join(',') } })
  : undefined;
const logger = createLogger({ name: 'workers', level: config.LOG_LEVEL });
const ctx: WorkerContext = {
  config,
  logger,
  db: createPrisma({ databaseUrl: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }),
  redis: createRedis({ url: config.REDIS_URL, connectionName: `workers:${config.WORKER_ROLE.join(',')}` }),
  metrics: createMetricsRegistry({ service: 'workers', roles: config.WORKER_ROLE.join(',') }),
  mailer: config.SMTP_URL ? createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM }) : undefined,
};

const handles: RoleHandle[] = [];
for (const role of config.WORKER_ROLE) handles.push(await ROLES[role](ctx));
// The api serves /health/live itself; a process of loop roles alone answers it on the same port.
if (!config.WORKER_ROLE.includes('api')) {
  const probe = await startLivenessServer({ port: config.WORKER_PORT });
  handles.push({ stop: probe.close });
}
logger.info({ roles: config.WORKER_ROLE }, 'worker fleet started');

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down: finishing in-flight work');
  const deadline = setTimeout(() => {
    logger.error({ graceMs: config.SHUTDOWN_GRACE_MS }, 'in-flight work did not finish in time; exiting');
    process.exit(1);
  }, config.SHUTDOWN_GRACE_MS);
  deadline.unref();
  await Promise.allSettled(handles.map((h) => h.stop()));
  ctx.mailer?.close();
  await Promise.allSettled([ctx.db.$disconnect(), ctx.redis.quit(), tracing?.shutdown()]);
  logger.info('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
