// GET /api/transfers — tickets offered to me that I can still accept or decline.
import { gateway } from '../../_server/gateway';

export const GET = gateway({ access: 'user', rateLimit: 'GENERAL' }, ({ forward }) => forward('/v1/transfers'));
