import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPrisma } from '../../lib/db/create-prisma';
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
    const ctx = createTestWorkerContext({ database, redisUrl: inject('redisUrl') });
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
    const ctx = createTestWorkerContext({ database, redisUrl: inject('redisUrl') });
    const app = buildApi(ctx);
    try {
      await app.inject({ method: 'GET', url: '/health/live' });
      const metrics = await app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.statusCode).toBe(200);
      expect(metrics.body).toContain('http_request_duration_seconds_count{service="test",method="GET",route="/health/live",status="200"} 1');
    } finally {
      await app.close();
      await ctx.redis.quit();
    }
  });

  describe('request bodies Fastify refuses before a route runs', () => {
    const revoke = `/v1/admin/waiting-room/${randomUUID()}/revoke`;
    const admin = (extra: Record<string, string>) => internalHeaders({ 'x-user-id': randomUUID(), 'x-user-role': 'ADMIN', ...extra });

    it('keep their 4xx and the JSON error shape with the request id: malformed 400, wrong media type 415, too large 413', async () => {
      const ctx = createTestWorkerContext({ database, redisUrl: inject('redisUrl') });
      const app = buildApi(ctx);
      try {
        const malformed = await app.inject({ method: 'POST', url: revoke, headers: admin({ 'content-type': 'application/json', 'x-request-id': 'req-json' }), payload: '{"userId":' });
        expect(malformed.statusCode).toBe(400);
        expect(malformed.json()).toEqual({ error: { code: 'bad_request', message: 'The request body is not valid JSON', field: 'body', requestId: 'req-json' } });

        const empty = await app.inject({ method: 'POST', url: revoke, headers: admin({ 'content-type': 'application/json' }), payload: '' });
        expect(empty.statusCode).toBe(400);
        expect(empty.json().error).toMatchObject({ code: 'bad_request', field: 'body' });

        for (const contentType of ['text/plain', 'application/xml']) {
          const wrongType = await app.inject({ method: 'POST', url: revoke, headers: admin({ 'content-type': contentType, 'x-request-id': 'req-type' }), payload: '{"userId":"u1"}' });
          expect(wrongType.statusCode, contentType).toBe(415);
          expect(wrongType.json(), contentType).toEqual({ error: { code: 'unsupported_media_type', message: 'The request body must be sent as application/json', field: 'body', requestId: 'req-type' } });
        }

        const tooLarge = await app.inject({ method: 'POST', url: revoke, headers: admin({ 'content-type': 'application/json', 'x-request-id': 'req-big' }), payload: JSON.stringify({ userId: 'x'.repeat(1024 * 1024) }) });
        expect(tooLarge.statusCode).toBe(413);
        expect(tooLarge.json()).toEqual({ error: { code: 'payload_too_large', message: 'The request body is too large', field: 'body', requestId: 'req-big' } });
      } finally {
        await app.close();
        await ctx.redis.quit();
      }
    });
  });

  it('answers a cancel with 5xx, not 404, while the database is unreachable, and 404 for an id that is not the caller\'s', async () => {
    // A database nobody listens on: every query fails to connect, as during an outage.
    const down = { ...database, db: createPrisma({ databaseUrl: `postgres://postgres@127.0.0.1:${await freePort()}/down`, poolSize: 1 }) };
    const ctx = createTestWorkerContext({ database: down, redisUrl: inject('redisUrl') });
    const healthy = createTestWorkerContext({ database, redisUrl: inject('redisUrl') });
    const [app, healthyApp] = [buildApi(ctx), buildApi(healthy)];
    const caller = internalHeaders({ 'x-user-id': randomUUID() });
    try {
      const outage = await app.inject({ method: 'POST', url: `/v1/reservations/${randomUUID()}/cancel`, headers: caller });
      expect(outage.statusCode).toBeGreaterThanOrEqual(500);
      expect(outage.json().error.code).not.toBe('not_found');

      for (const id of [randomUUID(), 'not-a-uuid']) {
        const missing = await healthyApp.inject({ method: 'POST', url: `/v1/reservations/${id}/cancel`, headers: caller });
        expect(missing.statusCode, id).toBe(404);
        expect(missing.json().error.code, id).toBe('not_found');
      }
    } finally {
      await Promise.all([app.close(), healthyApp.close()]);
      await Promise.all([ctx.redis.quit(), healthy.redis.quit(), down.db.$disconnect()]);
    }
  });
});
