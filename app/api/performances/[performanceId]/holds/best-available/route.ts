// POST /api/performances/:performanceId/holds/best-available — hold N adjacent seats of a grade (자동배정)
import { gateway } from '../../../../../_server/gateway';

export const POST = gateway<{ performanceId: string }>(
  { access: 'user', rateLimit: 'BOOKING', entryTokenFor: (p) => p.performanceId, jsonBody: true },
  ({ body, forward }, { performanceId }) =>
    forward(`/v1/performances/${encodeURIComponent(performanceId)}/holds/best-available`, { method: 'POST', body }),
);
