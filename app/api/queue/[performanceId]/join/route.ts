// POST /api/queue/[performanceId]/join — take a place in the waiting room (signed-in, bot-checked); sets the queue ticket cookie
import { NextResponse } from 'next/server';
import { gateway } from '../../../../_server/gateway';
import { QueueParams, setEntryCookie, setQueueTicketCookie } from '../../queue-cookies';

type JoinBody = { ticket: string; seq: number; preQueue: boolean; status: { state: string; admittedUntil?: number; entryToken?: string } };

export const POST = gateway<{ performanceId: string }>({ access: 'user', rateLimit: 'QUEUE', botCheck: true }, async ({ forward }, params) => {
  const { performanceId } = QueueParams.parse(params);
  const upstream = await forward(`/v1/queue/${performanceId}/join`, { method: 'POST' });
  if (!upstream.ok) return upstream;
  const { ticket, status, ...rest } = (await upstream.json()) as JoinBody;
  const { entryToken, ...publicStatus } = status;
  const response = NextResponse.json({ ...rest, status: publicStatus }, { headers: { 'cache-control': 'no-store' } });
  setQueueTicketCookie(response, performanceId, ticket);
  if (entryToken && status.admittedUntil) setEntryCookie(response, performanceId, entryToken, { admittedUntil: status.admittedUntil, nowMs: Date.now() });
  return response;
});
