// GET /api/admin/tickets — tickets by id or holder, state and event, a page at a time (admins only)
import { gateway } from '../../../_server/gateway';

export const GET = gateway({ access: 'admin', rateLimit: 'GENERAL' }, async ({ request, forward }) =>
  forward('/v1/admin/tickets', { query: request.nextUrl.searchParams }),
);
