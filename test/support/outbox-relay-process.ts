// A relay (and, with --consume, the test effects consumer) in a process of its own, so the
// outbox suites can SIGKILL it mid-batch. Transport from KAFKA_BROKERS like the real role.
import { createPrisma } from '../../lib/db/create-prisma';
import { createLogger } from '../../lib/logging/create-logger';
import { createRedis } from '../../lib/redis/create-redis';
import { loadWorkerConfig } from '../../workers/config';
import type { WorkerContext } from '../../workers/runtime/context';
import { createMetricsRegistry } from '../../workers/runtime/metrics';
import { startConsumer } from '../../workers/runtime/start-consumer';
import { startRelay } from '../../workers/runtime/start-relay';
import { EFFECT_GROUP, effectHandlers } from './outbox-effects';

const config = loadWorkerConfig({ ...process.env, WORKER_ROLE: 'relay' });
const ctx: WorkerContext = {
  config,
  logger: createLogger({ name: 'relay-process', level: config.LOG_LEVEL }),
  db: createPrisma({ databaseUrl: config.DATABASE_URL, poolSize: 5 }),
  redis: createRedis({ url: config.REDIS_URL, connectionName: 'relay-process' }),
  metrics: createMetricsRegistry({ service: 'relay-process' }),
};
// In-process: the consumer must live where the relay delivers; subscribe it before the relay starts.
if (process.argv.includes('--consume')) await startConsumer(ctx, { group: EFFECT_GROUP, handlers: effectHandlers() });
await startRelay(ctx);
console.log('relay-process ready');
