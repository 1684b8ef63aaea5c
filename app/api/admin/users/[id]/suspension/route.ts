// PUT /api/admin/users/[id]/suspension — suspend a user or lift it, with a reason (admins only, audited; never oneself)
import { gateway } from '../../../../../_server/gateway';

export const PUT = gateway<{ id: string }>({ access: 'admin', rateLimit: 'GENERAL', jsonBody: true }, async ({ body, forward }, { id }) =>
  forward(`/v1/admin/users/${encodeURIComponent(id)}/suspension`, { method: 'PUT', body }),
);
