// The admin revokes a user's admission to a performance: the token's jti goes on the room's
// revocation list (checked by the worker API) and the active slot is freed.
import type { Redis } from '../redis/create-redis';
import { queueKeys } from '../queue/queue-keys';
import { entryTokenId } from './entry-token-id';

export async function revokeAdmission(redis: Redis, input: { performanceId: string; userId: string }): Promise<boolean> {
  const keys = queueKeys(input.performanceId);
  const deadline = await redis.zscore(keys.active, input.userId);
  if (deadline === null) return false;
  const jti = entryTokenId(input.userId, input.performanceId, Number(deadline));
  await redis
    .multi()
    .sadd(keys.revoked, jti)
    // Longest token life is one active session (≤ 24 h by the settings' bounds).
    .pexpire(keys.revoked, 24 * 3600 * 1000)
    .zrem(keys.active, input.userId)
    .zrem(keys.activeSeen, input.userId)
    .exec();
  return true;
}
