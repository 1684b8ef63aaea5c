// POST /api/staff/scans — one live scan at the door (staff of the event only).
import { gateway } from '../../../_server/gateway';

export const POST = gateway({ access: 'user', rateLimit: 'GENERAL', jsonBody: true }, ({ forward, body }) => forward('/v1/staff/scans', { method: 'POST', body }));
