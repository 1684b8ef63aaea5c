import { RedisMemoryServer } from 'redis-memory-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../../lib/redis/create-redis';
import { freePort } from '../../scripts/embedded/free-port';
import { spawnRedisServer } from '../../test/support/spawn-redis-server';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { createTestWorkerContext, internalHeaders } from '../../test/support/worker-context';
import { buildApi } from './build-api';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('worker API', () => {
  it('refuses /v1 calls without the internal bearer token and accepts them with it', async () => {
    const redisServer = await RedisMemoryServer.create({ binary: { systemBinary: '/usr/bin/redis-server' } });
    const ctx = createTestWorkerContext({ database, redisUrl: `redis://127.0.0.1:${await redisServer.getPort()}` });
    const app = buildApi(ctx);
    try {
      const anonymous = await app.inject({ method: 'GET', url: '/v1/events' });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json().error.code).toBe('unauthorized');

      const wrong = await app.inject({ method: 'GET', url: '/v1/events', headers: { authorization: 'Bearer nope' } });
      expect(wrong.statusCode).toBe(401);

      const ok = await app.inject({ method: 'GET', url: '/v1/events', headers: internalHeaders({ 'x-request-id': 'req-abc' }) });
      expect(ok.statusCode).toBe(200);
      expect(ok.headers['x-request-id']).toBe('req-abc');
      expect(ok.json()).toEqual({ events: [], nextCursor: null });

      const bad = await app.inject({ method: 'GET', url: '/v1/events?limit=5000', headers: internalHeaders() });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('limit');
    } finally {
      await app.close();
      await ctx.redis.quit();
      await redisServer.stop();
    }
  });

  it('answers /health/ready 503 naming redis while Redis is down, and 200 once it is back', async () => {
    const port = await freePort();
    const redisServer = await spawnRedisServer(port);
    const redis = createRedis({ url: `redis://127.0.0.1:${port}` });
    const ctx = createTestWorkerContext({ database, redisUrl: `redis://127.0.0.1:${port}`, redis });
    const app = buildApi(ctx);
    try {
      const ready = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(ready.json()).toMatchObject({ status: 'ready', failed: [] });
      expect(ready.statusCode).toBe(200);

      await redisServer.stop();
      const down = await app.inject({ method: 'GET', url: '/health/ready' });
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({ status: 'not_ready', failed: ['redis'], checks: { postgres: 'ok' } });

      await redisServer.start();
      let back = await app.inject({ method: 'GET', url: '/health/ready' });
      for (let i = 0; i < 30 && back.statusCode !== 200; i++) {
        await new Promise((r) => setTimeout(r, 200));
        back = await app.inject({ method: 'GET', url: '/health/ready' });
      }
      expect(back.statusCode).toBe(200);
      expect((await app.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200);
    } finally {
      await app.close();
      redis.disconnect();
      await redisServer.stop();
    }
  });

  it('exposes Prometheus metrics', async () => {
    const redisServer = await RedisMemoryServer.create({ binary: { systemBinary: '/usr/bin/redis-server' } });
    const ctx = createTestWorkerContext({ database, redisUrl: `redis://127.0.0.1:${await redisServer.getPort()}` });
    const app = buildApi(ctx);
    try {
      await app.inject({ method: 'GET', url: '/health/live' });
      const metrics = await app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toContain('http_request_duration_seconds_count{service="test",method="GET",route="/health/live",status="200"} 1');
    } finally {
      await app.close();
      await ctx.redis.quit();
      await redisServer.stop();
    }
  });
});
