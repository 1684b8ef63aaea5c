// GET /api/events — upcoming events, through the gateway to the worker API.
import { gateway } from '../../_server/gateway';

export const GET = gateway({ access: 'public', rateLimit: 'GENERAL' }, async ({ request, forward }) =>
  forward('/v1/events', { query: request.nextUrl.searchParams }),
);
