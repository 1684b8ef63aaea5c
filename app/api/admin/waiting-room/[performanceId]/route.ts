// GET/PATCH /api/admin/waiting-room/[performanceId] — live counts and depth series; change rate, capacity, pause/resume (audited)
import { gateway } from '../../../../_server/gateway';
import { QueueParams } from '../../../queue/queue-cookies';

export const GET = gateway<{ performanceId: string }>({ access: 'admin', rateLimit: 'GENERAL' }, async ({ forward }, params) =>
  forward(`/v1/admin/waiting-room/${QueueParams.parse(params).performanceId}`),
);

export const PATCH = gateway<{ performanceId: string }>({ access: 'admin', rateLimit: 'GENERAL', jsonBody: true }, async ({ body, forward }, params) =>
  forward(`/v1/admin/waiting-room/${QueueParams.parse(params).performanceId}`, { method: 'PATCH', body }),
);
