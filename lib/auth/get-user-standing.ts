// The signed-in user's current standing (role, suspension), or null when the user no longer
// exists. Read through Redis; a miss reads PostgreSQL and fills the cache with SET NX, so a read
// that began before an admin's change can never overwrite the standing the change stored
// (store-user-standing.ts overwrites unconditionally, after its commit).
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { parseRole } from './roles';
import { USER_STANDING_TTL_S, userStandingKey, type UserStanding } from './user-standing';

const redisUnavailable = (redis: Redis) => redis.status === 'reconnecting' || redis.status === 'close' || redis.status === 'end';

export async function getUserStanding(deps: { db: Db; redis: Redis }, userId: string): Promise<UserStanding | null> {
  const key = userStandingKey(userId);
  // Redis down: PostgreSQL answers alone. A suspension must hold without the cache.
  const useCache = !redisUnavailable(deps.redis);
  if (useCache) {
    const cached = await deps.redis.get(key).catch(() => null);
    if (cached) {
      const parsed = JSON.parse(cached) as UserStanding | { missing: true };
      return 'missing' in parsed ? null : { role: parseRole(parsed.role), suspended: parsed.suspended === true };
    }
  }
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { role: true, suspendedAt: true } });
  const standing = user ? { role: user.role, suspended: user.suspendedAt !== null } : null;
  if (useCache) await deps.redis.set(key, JSON.stringify(standing ?? { missing: true }), 'EX', USER_STANDING_TTL_S, 'NX').catch(() => undefined);
  return standing;
}
