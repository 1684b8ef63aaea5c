// POST /api/queue/[performanceId]/leave — give up the place (or the admission) so the next fan moves up
import { NextResponse } from 'next/server';
import { leaveQueue } from '../../../../../lib/queue/leave-queue';
import { redis } from '../../../../_server/clients';
import { gateway } from '../../../../_server/gateway';
import { clearQueueCookies, QueueParams, requireQueueTicket } from '../../queue-cookies';

export const POST = gateway<{ performanceId: string }>({ access: 'public', rateLimit: 'QUEUE' }, async ({ request }, params) => {
  const { performanceId } = QueueParams.parse(params);
  const { userId } = await requireQueueTicket(request, performanceId, Date.now());
  const response = NextResponse.json({ result: await leaveQueue(redis(), { performanceId, userId }) });
  clearQueueCookies(response, performanceId);
  return response;
});
