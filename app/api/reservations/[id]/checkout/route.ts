// POST /api/reservations/:id/checkout — open (or reopen) the checkout of my PENDING reservation; amounts are the server's.
import { gateway } from '../../../../_server/gateway';

export const POST = gateway<{ id: string }>({ access: 'user', rateLimit: 'BOOKING' }, ({ forward }, { id }) =>
  forward(`/v1/reservations/${encodeURIComponent(id)}/checkout`, { method: 'POST', body: {} }),
);
