// Readiness: can this process reach PostgreSQL and Redis right now? Each check is bounded so a
// dead dependency answers "not ready" in about a second instead of hanging the probe.
import type { Redis } from 'ioredis';
import type { Db } from '../db/create-prisma';

export type DependencyName = 'postgres' | 'redis';
export type Readiness = { ready: boolean; checks: Record<DependencyName, 'ok' | string>; failed: DependencyName[] };

const CHECK_TIMEOUT_MS = 1_500;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS).unref()),
  ]);
}

export async function checkReadiness({ db, redis }: { db: Db; redis: Redis }): Promise<Readiness> {
  const [postgres, redisResult] = await Promise.allSettled([
    withTimeout(db.$queryRaw`SELECT 1`, 'postgres'),
    withTimeout(redis.ping(), 'redis'),
  ]);
  const checks: Readiness['checks'] = {
    postgres: postgres.status === 'fulfilled' ? 'ok' : String((postgres.reason as Error).message ?? postgres.reason),
    redis: redisResult.status === 'fulfilled' ? 'ok' : String((redisResult.reason as Error).message ?? redisResult.reason),
  };
  const failed = (Object.keys(checks) as DependencyName[]).filter((k) => checks[k] !== 'ok');
  return { ready: failed.length === 0, checks, failed };
}
