// Verifies a queue ticket cookie for one performance at `nowMs`: returns the user and join
// sequence, or null. The caller passes the clock, so a ticket's 24-hour life is judged against
// the same instant as everything else in the request (and tests fix it).
import { jwtVerify } from 'jose';
import type { EntryTokenKeys } from '../entry-token/entry-token-keys';

const QUEUE_TICKET_TYPE = 'openseat-queue+jwt';

export async function verifyQueueTicket(
  keys: EntryTokenKeys,
  ticket: string | null | undefined,
  expect: { performanceId: string; nowMs: number },
): Promise<{ userId: string; seq: number } | null> {
  if (!ticket) return null;
  try {
    const { payload } = await jwtVerify(ticket, (header) => {
      const key = header.kid ? keys.byKid.get(header.kid) : undefined;
      if (!key) throw new Error('unknown kid');
      return key;
    }, {
      algorithms: ['HS256'],
      typ: QUEUE_TICKET_TYPE,
      audience: expect.performanceId,
      currentDate: new Date(expect.nowMs),
      requiredClaims: ['sub', 'exp'],
    });
    const seq = typeof payload.seq === 'number' ? payload.seq : -1;
    return { userId: payload.sub!, seq };
  } catch {
    return null;
  }
}
