// GET /api/admin/reservations — reservations by id or buyer, state, event and days, a page at a time (admins only)
import { gateway } from '../../../_server/gateway';

export const GET = gateway({ access: 'admin', rateLimit: 'GENERAL' }, async ({ request, forward }) =>
  forward('/v1/admin/reservations', { query: request.nextUrl.searchParams }),
);
