// GET /api/staff/performances/:id/check-in-report — checked in vs sold per gate and grade, and double entries.
import { gateway } from '../../../../../_server/gateway';

export const GET = gateway<{ id: string }>({ access: 'user', rateLimit: 'GENERAL' }, ({ forward }, { id }) =>
  forward(`/v1/staff/performances/${encodeURIComponent(id)}/check-in-report`),
);
