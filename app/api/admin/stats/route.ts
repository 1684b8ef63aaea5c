// GET /api/admin/stats — the dashboard's sales, occupancy, funnel, payments and waiting-room figures (admins only).
import { gateway } from '../../../_server/gateway';

export const GET = gateway({ access: 'admin', rateLimit: 'GENERAL' }, async ({ request, forward }) =>
  forward('/v1/admin/stats', { query: request.nextUrl.searchParams }),
);
