// PUT /api/admin/users/[id]/role — give a user the USER, STAFF or ADMIN role (admins only, audited; never one's own)
import { gateway } from '../../../../../_server/gateway';

export const PUT = gateway<{ id: string }>({ access: 'admin', rateLimit: 'GENERAL', jsonBody: true }, async ({ body, forward }, { id }) =>
  forward(`/v1/admin/users/${encodeURIComponent(id)}/role`, { method: 'PUT', body }),
);
