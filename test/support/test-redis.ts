// Each integration test file gets its own Redis key prefix on the shared server and deletes
// only its own keys afterwards.
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createRedis, type Redis } from '../../lib/redis/create-redis';

export type TestRedis = { url: string; prefix: string; redis: Redis; cleanup(): Promise<void> };

export function createTestRedis(): TestRedis {
  const prefix = `test:${randomBytes(6).toString('hex')}:`;
  const redis = createRedis({ url: inject('redisUrl'), keyPrefix: prefix });
  return {
    url: inject('redisUrl'),
    prefix,
    redis,
    cleanup: async () => {
      const raw = createRedis({ url: inject('redisUrl') });
      let cursor = '0';
      do {
        const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
        if (keys.length) await raw.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await raw.quit();
      await redis.quit();
    },
  };
}
