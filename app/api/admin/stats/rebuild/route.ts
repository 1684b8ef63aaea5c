// POST /api/admin/stats/rebuild — recompute every stats table by replaying the stats event log (admins only).
import { gateway } from '../../../../_server/gateway';

export const POST = gateway({ access: 'admin', rateLimit: 'GENERAL' }, async ({ forward }) => forward('/v1/admin/stats/rebuild', { method: 'POST' }));
