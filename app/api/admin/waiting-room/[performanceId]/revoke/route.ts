// POST /api/admin/waiting-room/[performanceId]/revoke — revoke one user's admission (their entry token stops working)
import { gateway } from '../../../../../_server/gateway';
import { QueueParams } from '../../../../queue/queue-cookies';

export const POST = gateway<{ performanceId: string }>({ access: 'admin', rateLimit: 'GENERAL', jsonBody: true }, async ({ body, forward }, params) =>
  forward(`/v1/admin/waiting-room/${QueueParams.parse(params).performanceId}/revoke`, { method: 'POST', body }),
);
