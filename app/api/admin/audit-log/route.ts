// GET /api/admin/audit-log — the admin audit log by actor, object, action and days, newest first (admins only)
import { gateway } from '../../../_server/gateway';

export const GET = gateway({ access: 'admin', rateLimit: 'GENERAL' }, async ({ request, forward }) =>
  forward('/v1/admin/audit-log', { query: request.nextUrl.searchParams }),
);
