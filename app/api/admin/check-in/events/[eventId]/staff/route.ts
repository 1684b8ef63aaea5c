// GET|POST /api/admin/check-in/events/:eventId/staff — an event's door staff; POST { email } assigns one (ADMIN only).
import { gateway } from '../../../../../../_server/gateway';

type Params = { eventId: string };
const path = (eventId: string) => `/v1/admin/events/${encodeURIComponent(eventId)}/staff`;

export const GET = gateway<Params>({ access: 'admin', rateLimit: 'GENERAL' }, ({ forward }, { eventId }) => forward(path(eventId)));
export const POST = gateway<Params>({ access: 'admin', rateLimit: 'GENERAL', jsonBody: true }, ({ forward, body }, { eventId }) =>
  forward(path(eventId), { method: 'POST', body }),
);
