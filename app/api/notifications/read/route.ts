// POST /api/notifications/read — mark `{ ids: [...] }` or `{ all: true }` of my notices read.
import { gateway } from '../../../_server/gateway';

export const POST = gateway({ access: 'user', rateLimit: 'GENERAL' }, async ({ request, forward }) =>
  forward('/v1/notifications/read', { method: 'POST', body: await request.json() }),
);
