// Child process of bench/queue.bench.ts: the worker API (real routes, real Redis) on one port
// and a bare Fastify route returning a constant (the ceiling) on another, in the same process
// shape, so the load generator in the parent measures both under the same conditions.
import Fastify from 'fastify';
import { createPrisma } from '../lib/db/create-prisma';
import { createLogger } from '../lib/logging/create-logger';
import { createRedis } from '../lib/redis/create-redis';
import { buildApi } from '../workers/api/build-api';
import { loadWorkerConfig } from '../workers/config';
import { createMetricsRegistry } from '../workers/runtime/metrics';

const env = process.env;
const config = loadWorkerConfig({ ...env, LOG_LEVEL: 'silent', WORKER_ROLE: 'api' });
const ctx = {
  config,
  logger: createLogger({ name: 'bench', level: 'silent' }),
  db: createPrisma({ databaseUrl: config.DATABASE_URL }),
  redis: createRedis({ url: config.REDIS_URL }),
  metrics: createMetricsRegistry({ service: 'bench' }),
};
const api = buildApi(ctx);
await api.listen({ host: '127.0.0.1', port: Number(env.BENCH_API_PORT) });
const ceiling = Fastify();
ceiling.get('/v1/constant', async () => ({ state: 'waiting', position: 1 }));
ceiling.post('/v1/constant', async () => ({ state: 'waiting', position: 1 }));
await ceiling.listen({ host: '127.0.0.1', port: Number(env.BENCH_CEILING_PORT) });
process.send?.('ready');
process.on('message', async (message) => {
  if (message === 'stop') {
    await Promise.allSettled([api.close(), ceiling.close(), ctx.redis.quit(), ctx.db.$disconnect()]);
    process.exit(0);
  }
});
