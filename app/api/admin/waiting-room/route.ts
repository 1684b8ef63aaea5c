// GET /api/admin/waiting-room — performances on sale with their waiting-room mode (admins only)
import { gateway } from '../../../_server/gateway';

export const GET = gateway({ access: 'admin', rateLimit: 'GENERAL' }, async ({ forward }) => forward('/v1/admin/waiting-room'));
