// POST /api/reservations/:id/cancel — cancel my PENDING reservation; its seats return to the map at once.
import { gateway } from '../../../../_server/gateway';

export const POST = gateway<{ id: string }>({ access: 'user', rateLimit: 'BOOKING' }, ({ forward }, { id }) =>
  forward(`/v1/reservations/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
);
