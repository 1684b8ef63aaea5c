// The worker API's entry-token check: signature, expiry and bindings (verifyEntryToken), then
// the revocation record in Redis; an accepted call also counts as the admitted user's heartbeat.
// One Redis round trip (pipeline) per checked request; `cache` spares re-verifying a signature,
// and a signature it has not seen is checked with node:crypto first (readAuthenticClaims).
// `checkRevocation: false` is for a caller whose own Redis script does both in its round trip
// (the seat-hold scripts): it gets back the token id to hand to that script.
import type { Redis } from '../redis/create-redis';
import { queueKeys } from '../queue/queue-keys';
import type { VerifiedTokenCache } from './create-verified-token-cache';
import type { EntryTokenKeys } from './entry-token-keys';
import { entryTokenRefused } from './entry-token-refused';
import { readAuthenticClaims } from './read-authentic-claims';
import { verifyEntryToken, type EntryTokenCheck, type EntryTokenRejection } from './verify-entry-token';

export async function checkEntryToken(
  deps: { redis: Redis; keys: EntryTokenKeys; cache?: VerifiedTokenCache; now?: () => number; onReject?: (reason: EntryTokenRejection) => void },
  input: { token: string | null | undefined; performanceId: string; userId: string; checkRevocation?: boolean },
): Promise<Extract<EntryTokenCheck, { ok: true }>> {
  const nowMs = (deps.now ?? Date.now)();
  const expect = { performanceId: input.performanceId, userId: input.userId, nowMs };
  let result = await verifyEntryToken(deps.keys, input.token, expect, { cache: deps.cache, readAuthentic: readAuthenticClaims });
  if (result.ok && input.checkRevocation !== false) {
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
    throw entryTokenRefused(result.reason);
  }
  return result;
}
