// GET /api/tickets — my tickets, upcoming and past.
import { gateway } from '../../_server/gateway';

export const GET = gateway({ access: 'user', rateLimit: 'GENERAL' }, ({ forward }) => forward('/v1/tickets'));
