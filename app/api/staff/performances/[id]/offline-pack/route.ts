// GET /api/staff/performances/:id/offline-pack — the signed ticket and revocation lists for offline scanning.
import { gateway } from '../../../../../_server/gateway';

export const GET = gateway<{ id: string }>({ access: 'user', rateLimit: 'GENERAL' }, ({ forward }, { id }) =>
  forward(`/v1/staff/performances/${encodeURIComponent(id)}/offline-pack`),
);
