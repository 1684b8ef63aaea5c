// GET /api/reservations/:id — one of the caller's reservations (another user's id → 404).
import { gateway } from '../../../_server/gateway';

export const GET = gateway<{ id: string }>({ access: 'user', rateLimit: 'BOOKING' }, async ({ forward }, { id }) =>
  forward(`/v1/reservations/${encodeURIComponent(id)}`),
);
