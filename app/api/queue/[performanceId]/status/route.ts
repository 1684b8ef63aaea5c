// GET /api/queue/[performanceId]/status — answered here from Redis alone: verify the queue ticket cookie, run one O(log n) script
// This is the hot path on opening day (every waiting fan polls it), so it skips the worker hop
// and touches neither PostgreSQL nor the session store: the signed queue ticket names the user.
import { NextResponse } from 'next/server';
import { signEntryToken } from '../../../../../lib/entry-token/sign-entry-token';
import { getQueueStatus } from '../../../../../lib/queue/get-queue-status';
import { redis } from '../../../../_server/clients';
import { gateway } from '../../../../_server/gateway';
import { clearQueueCookies, entryTokenKeys, QueueParams, readQueueTicket, setEntryCookie } from '../../queue-cookies';

// No rate-limit call: the signed ticket gates the one Redis script, which itself counts as the heartbeat.
export const GET = gateway<{ performanceId: string }>({ access: 'public', rateLimit: false }, async ({ request }, params) => {
  const { performanceId } = QueueParams.parse(params);
  const headers = { 'cache-control': 'no-store' };
  const nowMs = Date.now();
  const ticket = await readQueueTicket(request, performanceId, nowMs);
  if (!ticket) return NextResponse.json({ state: 'none' }, { headers });
  const status = await getQueueStatus(redis(), { performanceId, userId: ticket.userId, seq: ticket.seq, nowMs });
  const response = NextResponse.json(status, { headers });
  if (status.state === 'admitted') {
    const token = await signEntryToken(entryTokenKeys(), { userId: ticket.userId, performanceId, admittedUntilMs: status.admittedUntil });
    setEntryCookie(response, performanceId, token, { admittedUntil: status.admittedUntil, nowMs });
  }
  if (status.state === 'none') clearQueueCookies(response, performanceId);
  return response;
});
