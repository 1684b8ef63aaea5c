// The gateway while Redis is down: the rate limit fails open instead of failing every request.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../scripts/embedded/free-port';
import { spawnRedisServer, type RedisProcess } from '../../test/support/spawn-redis-server';
import { Browser, startTestWeb, type TestWeb } from '../../test/support/test-web';

let web: TestWeb;
let redisServer: RedisProcess;
let gateway: typeof import('./gateway').gateway;

beforeAll(async () => {
  redisServer = await spawnRedisServer(await freePort());
  web = await startTestWeb({ REDIS_URL: redisServer.url });
  ({ gateway } = await import('./gateway'));
});
afterAll(async () => {
  const { redis } = await import('./clients');
  redis().disconnect();
  await redisServer.stop();
  await web.stop();
});

describe('gateway without Redis', () => {
  it('serves requests unthrottled while Redis is unreachable and throttles again once it is back', async () => {
    const route = gateway({ access: 'public', rateLimit: 'BOOKING' }, async () => Response.json({ ok: true }));
    const browser = new Browser();
    expect((await browser.call(route, 'GET', '/api/test/x')).status).toBe(200);
    await redisServer.stop();
    const started = performance.now();
    for (let i = 0; i < 12; i++) expect((await browser.call(route, 'GET', '/api/test/x')).status).toBe(200);
    // Without waiting on reconnect attempts: 12 requests well under one 2 s connect timeout.
    expect(performance.now() - started).toBeLessThan(5_000);
    await redisServer.start();
    const { redis } = await import('./clients');
    await vi.waitFor(() => expect(redis().status).toBe('ready'), { timeout: 10_000, interval: 100 });
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await browser.call(route, 'GET', '/api/test/x')).status);
    expect(statuses).toContain(429);
  });
});
