// GET /api/admin/users — users by email or name, role and suspension, a page at a time (admins only)
import { gateway } from '../../../_server/gateway';

export const GET = gateway({ access: 'admin', rateLimit: 'GENERAL' }, async ({ request, forward }) =>
  forward('/v1/admin/users', { query: request.nextUrl.searchParams }),
);
