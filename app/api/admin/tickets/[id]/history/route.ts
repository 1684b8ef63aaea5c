// GET /api/admin/tickets/:id/history — one ticket's issue, transfers, revoked codes and check-in (ADMIN only).
import { gateway } from '../../../../../_server/gateway';

export const GET = gateway<{ id: string }>({ access: 'admin', rateLimit: 'GENERAL' }, ({ forward }, { id }) => forward(`/v1/admin/tickets/${encodeURIComponent(id)}/history`));
