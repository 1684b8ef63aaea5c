// Redis from `redis-memory-server` for a machine with no REDIS_URL. It runs the system
// `redis-server` when there is one (package.json `redisMemoryServer.systemBinary`); it never
// downloads on our offline machines.
import { existsSync } from 'node:fs';
import { RedisMemoryServer } from 'redis-memory-server';

const SYSTEM_REDIS = '/usr/bin/redis-server';

export type EmbeddedRedisHandle = { url: string; stop(): Promise<void> };

export async function startEmbeddedRedis(): Promise<EmbeddedRedisHandle> {
  const server = await RedisMemoryServer.create({
    binary: existsSync(SYSTEM_REDIS) ? { systemBinary: SYSTEM_REDIS } : undefined,
    instance: { args: ['--save', '', '--appendonly', 'no'] },
  });
  const host = await server.getHost();
  const port = await server.getPort();
  return {
    url: `redis://${host}:${port}`,
    stop: async () => void (await server.stop()),
  };
}
