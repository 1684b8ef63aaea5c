// After an admin's change commits: the user's standing as it now is, overwriting whatever a
// concurrent read cached. If Redis is down the write is lost and the old entry ages out within
// USER_STANDING_TTL_S.
import type { Redis } from '../redis/create-redis';
import { USER_STANDING_TTL_S, userStandingKey, type UserStanding } from './user-standing';

export async function storeUserStanding(redis: Redis, userId: string, standing: UserStanding): Promise<void> {
  await redis.set(userStandingKey(userId), JSON.stringify(standing), 'EX', USER_STANDING_TTL_S).catch(() => undefined);
}
