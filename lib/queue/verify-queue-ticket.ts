// Verifies a queue ticket cookie for one performance: returns the user and join sequence, or null.
import { jwtVerify } from 'jose';
import type { EntryTokenKeys } from '../entry-token/entry-token-keys';

const QUEUE_TICKET_TYPE = 'openseat-queue+jwt';

export async function verifyQueueTicket(
  keys: EntryTokenKeys,
  ticket: string | null | undefined,
  performanceId: string,
): Promise<{ userId: string; seq: number } | null> {
  if (!ticket) return null;
  try {
    const { payload } = await jwtVerify(ticket, (header) => {
      const key = header.kid ? keys.byKid.get(header.kid) : undefined;
      if (!key) throw new Error('unknown kid');
      return key;
    }, { algorithms: ['HS256'], typ: QUEUE_TICKET_TYPE, audience: performanceId, requiredClaims: ['sub'] });
    const seq = typeof payload.seq === 'number' ? payload.seq : -1;
    return { userId: payload.sub!, seq };
  } catch {
    return null;
  }
}
