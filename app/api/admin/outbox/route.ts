// GET /api/admin/outbox — outbox backlog, publish rate, consumer lag and dead letters (admins only).
import { gateway } from '../../../_server/gateway';

export const GET = gateway({ access: 'admin', rateLimit: 'GENERAL' }, async ({ request, forward }) =>
  forward('/v1/admin/outbox', { query: request.nextUrl.searchParams }),
);
