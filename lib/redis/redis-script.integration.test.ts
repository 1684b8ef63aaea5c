import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { redisScript, runRedisScript } from './redis-script';

let t: TestRedis;
beforeAll(() => {
  t = createTestRedis();
});
afterAll(async () => {
  await t.cleanup();
});

describe('runRedisScript', () => {
  it('runs a script Redis has never seen inside an auto-pipelined batch, with replies in order and keys prefixed', async () => {
    // A source no other run has sent, so Redis answers the first EVALSHA with NOSCRIPT.
    const script = redisScript(() => `-- ${randomUUID()}\nreturn {redis.call('GET', KEYS[1]), ARGV[1]}`);
    expect(await t.redis.script('EXISTS', script.sha())).toEqual([0]);

    // One event-loop turn: plain commands around the script share one auto-pipeline.
    const [set, ran, got, again] = await Promise.all([
      t.redis.set('greeting', 'hello'),
      runRedisScript(t.redis, script, ['greeting'], ['arg']),
      t.redis.get('greeting'),
      runRedisScript(t.redis, script, ['greeting'], [2]),
    ]);
    expect([set, ran, got, again]).toEqual(['OK', ['hello', 'arg'], 'hello', ['hello', '2']]);
    expect(await t.redis.script('EXISTS', script.sha())).toEqual([1]);
  });

  it('passes on errors that are not NOSCRIPT', async () => {
    const script = redisScript(() => `-- ${randomUUID()}\nreturn redis.error_reply('boom')`);
    await expect(runRedisScript(t.redis, script, [], [])).rejects.toThrow('boom');
  });
});
