// The gateway's entry-token link: the token must be valid for this performance and this caller,
// or the request is refused with its reason (missing, expired, bad_signature, wrong_user,
// wrong_performance, malformed). Revocation is checked by the worker API (it has Redis).
import { AppError } from '../errors/app-error';
import type { EntryTokenKeys } from './entry-token-keys';
import { verifyEntryToken, type EntryTokenRejection } from './verify-entry-token';

export async function assertEntryToken(
  keys: EntryTokenKeys,
  token: string | null | undefined,
  expect: { performanceId: string; userId: string; nowMs: number; onReject?: (reason: EntryTokenRejection) => void },
): Promise<string> {
  const result = await verifyEntryToken(keys, token, expect);
  if (result.ok) return token!;
  expect.onReject?.(result.reason);
  throw new AppError('forbidden', 'Join the waiting room for this performance first', {
    reason: `entry_token_${result.reason}`,
    waitingRoom: `/queue/${expect.performanceId}`,
  });
}
