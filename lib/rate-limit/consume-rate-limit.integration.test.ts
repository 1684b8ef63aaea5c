import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { AppError } from '../errors/app-error';
import { consumeRateLimit } from './consume-rate-limit';

let t: TestRedis;
beforeAll(() => {
  t = createTestRedis();
});
afterAll(async () => {
  await t.cleanup();
});

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AppError ? error : Promise.reject(error)),
  );

describe('consumeRateLimit', () => {
  it('lets the limit through at once, refuses the next with the wait, and keeps buckets apart', async () => {
    for (let i = 0; i < 20; i++) {
      expect(await consumeRateLimit(t.redis, { category: 'AUTH', subject: 'ip:a' })).toEqual({ limit: 20, remaining: 19 - i });
    }
    const error = await refusal(consumeRateLimit(t.redis, { category: 'AUTH', subject: 'ip:a' }));
    expect(error).toMatchObject({ code: 'rate_limited', details: { category: 'AUTH', limit: 20 } });
    expect(error!.details!.retryAfterSeconds).toBeLessThanOrEqual(3);
    expect(await consumeRateLimit(t.redis, { category: 'AUTH', subject: 'ip:b' })).toMatchObject({ remaining: 19 });
    expect(await consumeRateLimit(t.redis, { category: 'GENERAL', subject: 'ip:a' })).toMatchObject({ limit: 100, remaining: 99 });
  });

  it('refills one request per window/limit instead of resetting at a window edge (no 2x burst)', async () => {
    // 10 per 10 s: one request comes back every second (slow enough that a loaded machine's
    // scheduling delays cannot earn an extra token by accident).
    const input = { category: 'BOOKING', subject: 'user:edge', windowMs: 10_000 } as const;
    for (let i = 0; i < 10; i++) await consumeRateLimit(t.redis, input);
    expect(await refusal(consumeRateLimit(t.redis, input))).not.toBeNull();
    const emptyAt = Date.now();
    await new Promise((r) => setTimeout(r, 2_100));
    // A fixed window would allow nothing (or all 10) here; the bucket allows exactly what refilled.
    let allowed = 0;
    for (let i = 0; i < 10; i++) if ((await refusal(consumeRateLimit(t.redis, input))) === null) allowed++;
    const refilled = Math.floor((Date.now() - emptyAt) / 1_000);
    expect(allowed).toBeGreaterThanOrEqual(2);
    expect(allowed).toBeLessThanOrEqual(refilled + 1);
    expect(allowed).toBeLessThan(10);
  });

  it('expires an idle bucket instead of keeping a key per address forever', async () => {
    await consumeRateLimit(t.redis, { category: 'QUEUE', subject: 'ip:idle' });
    const ttl = await t.redis.pttl('ratelimit:QUEUE:ip:idle');
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(1_000); // 60 s / 60 per minute
  });
});
