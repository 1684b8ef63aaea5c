// GET /api/notifications — my notices, newest first, with the unread count, in the caller's language.
import { gateway } from '../../_server/gateway';
import { requestLocale } from '../../_server/localize-error-response';

export const GET = gateway({ access: 'user', rateLimit: 'GENERAL' }, ({ forward, request }) =>
  forward('/v1/notifications', { query: new URLSearchParams({ locale: requestLocale(request) }) }),
);
