// POST /api/staff/performances/:id/offline-scans — a scanner's queued offline scans (idempotent per device and nonce).
import { gateway } from '../../../../../_server/gateway';

export const POST = gateway<{ id: string }>({ access: 'user', rateLimit: 'GENERAL', jsonBody: true }, ({ forward, body }, { id }) =>
  forward(`/v1/staff/performances/${encodeURIComponent(id)}/offline-scans`, { method: 'POST', body }),
);
