// GET    /api/performances/:performanceId/holds — my held seats and when the hold runs out
// POST   /api/performances/:performanceId/holds — hold the seats I picked, all or none
// DELETE /api/performances/:performanceId/holds — let go of some or all of them
import { gateway } from '../../../../_server/gateway';

type Params = { performanceId: string };
const options = { access: 'user', rateLimit: 'BOOKING', entryTokenFor: (p: Params) => p.performanceId, jsonBody: true } as const;

export const GET = gateway<Params>(options, ({ forward }, { performanceId }) => forward(`/v1/performances/${encodeURIComponent(performanceId)}/holds`));

export const POST = gateway<Params>(options, ({ body, forward }, { performanceId }) =>
  forward(`/v1/performances/${encodeURIComponent(performanceId)}/holds`, { method: 'POST', body }),
);

export const DELETE = gateway<Params>(options, ({ body, forward }, { performanceId }) =>
  forward(`/v1/performances/${encodeURIComponent(performanceId)}/holds`, { method: 'DELETE', body }),
);
