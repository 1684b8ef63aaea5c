// POST /api/queue/[performanceId]/heartbeat — an admitted fan on the seat map says "still here" (keeps the active slot from the idle expiry)
import { NextResponse } from 'next/server';
import { sendHeartbeat } from '../../../../../lib/queue/send-heartbeat';
import { redis } from '../../../../_server/clients';
import { gateway } from '../../../../_server/gateway';
import { QueueParams, requireQueueTicket } from '../../queue-cookies';

export const POST = gateway<{ performanceId: string }>({ access: 'public', rateLimit: 'QUEUE' }, async ({ request }, params) => {
  const { performanceId } = QueueParams.parse(params);
  const nowMs = Date.now();
  const { userId } = await requireQueueTicket(request, performanceId, nowMs);
  const state = await sendHeartbeat(redis(), { performanceId, userId, nowMs });
  return NextResponse.json({ state }, { headers: { 'cache-control': 'no-store' } });
});
