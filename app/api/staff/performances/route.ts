// GET /api/staff/performances — the performances the signed-in staff member can scan.
import { gateway } from '../../../_server/gateway';

export const GET = gateway({ access: 'user', rateLimit: 'GENERAL' }, ({ forward }) => forward('/v1/staff/performances'));
