// GET /api/catalog/performances/:id — a performance's hall, seat-map version, prices and sale state.
import { gateway } from '../../../../_server/gateway';

export const GET = gateway<{ id: string }>({ access: 'public', rateLimit: 'GENERAL' }, async ({ forward }, { id }) =>
  forward(`/v1/performances/${encodeURIComponent(id)}`),
);
