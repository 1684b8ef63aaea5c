// GET /api/notifications — my notices, newest first, with the unread count.
import { gateway } from '../../_server/gateway';

export const GET = gateway({ access: 'user', rateLimit: 'GENERAL' }, ({ forward }) => forward('/v1/notifications'));
