// DELETE /api/admin/check-in/events/:eventId/staff/:userId — take a user off an event's door (ADMIN only).
import { gateway } from '../../../../../../../_server/gateway';

export const DELETE = gateway<{ eventId: string; userId: string }>({ access: 'admin', rateLimit: 'GENERAL' }, ({ forward }, { eventId, userId }) =>
  forward(`/v1/admin/events/${encodeURIComponent(eventId)}/staff/${encodeURIComponent(userId)}`, { method: 'DELETE' }),
);
