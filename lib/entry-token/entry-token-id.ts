// An admission's token id, derived from (user, performance, session deadline): asking again for
// the token of the same admission yields the same jti (and, signed deterministically by HS256,
// the same token), and the admin can revoke it without a stored token.
import { createHash } from 'node:crypto';

export function entryTokenId(userId: string, performanceId: string, deadlineMs: number): string {
  return createHash('sha256').update(`${userId}|${performanceId}|${deadlineMs}`).digest('base64url').slice(0, 22);
}
