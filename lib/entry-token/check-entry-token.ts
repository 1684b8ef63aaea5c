// The worker API's entry-token check: signature, expiry and bindings (verifyEntryToken), then
// the revocation record in Redis; an accepted call also counts as the admitted user's heartbeat.
// One Redis round trip (pipeline) per checked request; `cache` spares re-verifying a signature.
import { AppError } from '../errors/app-error';
import type { Redis } from '../redis/create-redis';
import type { VerifiedTokenCache } from './create-verified-token-cache';
import { queueKeys } from '../queue/queue-keys';
import type { EntryTokenKeys } from './entry-token-keys';
import { verifyEntryToken, type EntryTokenCheck, type EntryTokenRejection } from './verify-entry-token';

export async function checkEntryToken(
  deps: { redis: Redis; keys: EntryTokenKeys; cache?: VerifiedTokenCache; now?: () => number; onReject?: (reason: EntryTokenRejection) => void },
  input: { token: string | null | undefined; performanceId: string; userId: string },
): Promise<Extract<EntryTokenCheck, { ok: true }>> {
  const nowMs = (deps.now ?? Date.now)();
  let result = await verifyEntryToken(deps.keys, input.token, { performanceId: input.performanceId, userId: input.userId, nowMs }, deps.cache);
  if (result.ok) {
    const keys = queueKeys(input.performanceId);
    const replies = await deps.redis
      .pipeline()
      .sismember(keys.revoked, result.jti)
      .zadd(keys.activeSeen, 'XX', nowMs, input.userId)
      .exec();
    if (replies?.[0]?.[1] === 1) result = { ok: false, reason: 'revoked' };
  }
  if (!result.ok) {
    deps.onReject?.(result.reason);
    throw new AppError('forbidden', 'Join the waiting room for this performance first', { reason: `entry_token_${result.reason}` });
  }
  return result;
}
