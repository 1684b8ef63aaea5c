// GET  /api/tickets/:id/transfers — my ticket's transfer state: the open offer and past offers
// POST /api/tickets/:id/transfers — offer my ticket to another registered user ({ toEmail }), as a gift
import { gateway } from '../../../../_server/gateway';

export const GET = gateway<{ id: string }>({ access: 'user', rateLimit: 'GENERAL' }, ({ forward }, { id }) => forward(`/v1/tickets/${encodeURIComponent(id)}/transfers`));

export const POST = gateway<{ id: string }>({ access: 'user', rateLimit: 'BOOKING', jsonBody: true }, ({ forward, body }, { id }) =>
  forward(`/v1/tickets/${encodeURIComponent(id)}/transfers`, { method: 'POST', body: body ?? {} }),
);
