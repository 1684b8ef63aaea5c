// GET /api/reservations — my reservations, newest first.
import { gateway } from '../../_server/gateway';

export const GET = gateway({ access: 'user', rateLimit: 'GENERAL' }, ({ forward }) => forward('/v1/reservations'));
