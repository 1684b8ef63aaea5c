// POST /api/admin/outbox/dead-letters/:id/replay — re-publish a dead letter to its topic (admins only).
import { gateway } from '../../../../../../_server/gateway';

export const POST = gateway<{ id: string }>({ access: 'admin', rateLimit: 'GENERAL' }, async ({ forward }, { id }) =>
  forward(`/v1/admin/outbox/dead-letters/${encodeURIComponent(id)}/replay`, { method: 'POST' }),
);
