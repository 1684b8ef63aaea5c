// The queue ticket: a cookie signed at join ({sub: user, aud: performance, seq}) that lets the
// gateway answer status polls from Redis alone — verifying it costs no database and no session
// lookup. Same keys as entry tokens, a different `typ`, so neither passes for the other.
import { SignJWT } from 'jose';
import type { EntryTokenKeys } from '../entry-token/entry-token-keys';

export const QUEUE_TICKET_TYPE = 'openseat-queue+jwt';
/** A place is kept while the user polls; the ticket outlives any realistic wait. */
export const QUEUE_TICKET_SECONDS = 24 * 3600;

export async function signQueueTicket(
  keys: EntryTokenKeys,
  input: { userId: string; performanceId: string; seq: number; nowMs: number },
): Promise<string> {
  return new SignJWT({ seq: input.seq })
    .setProtectedHeader({ alg: 'HS256', kid: keys.current.kid, typ: QUEUE_TICKET_TYPE })
    .setSubject(input.userId)
    .setAudience(input.performanceId)
    .setIssuedAt(Math.floor(input.nowMs / 1000))
    .setExpirationTime(Math.floor(input.nowMs / 1000) + QUEUE_TICKET_SECONDS)
    .sign(keys.current.key);
}
