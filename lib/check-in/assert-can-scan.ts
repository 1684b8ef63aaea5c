// Who may work a performance's door: an ADMIN, or a STAFF user an admin assigned to its event.
// Read from the database, not the session: an assignment (or its removal) counts at once, without
// the staff member signing in again.
import type { Db, Prisma } from '../db/create-prisma';
import { AppError, notFound } from '../errors/app-error';

export type ScannablePerformance = { id: string; eventId: string; startsAt: Date };

export async function assertCanScan(db: Db | Prisma.TransactionClient, userId: string, performanceId: string): Promise<ScannablePerformance> {
  const [row] = await db.$queryRaw<{ id: string; event_id: string; starts_at: Date; role: string | null; assigned: boolean }[]>`
    SELECT p.id, p.event_id, p.starts_at,
           (SELECT u.role::text FROM auth.users u WHERE u.id = ${userId}::uuid) AS role,
           EXISTS (SELECT 1 FROM ticket.event_staff es WHERE es.event_id = p.event_id AND es.user_id = ${userId}::uuid) AS assigned
      FROM ticket.performances p WHERE p.id = ${performanceId}::uuid`;
  if (!row) throw notFound('Performance');
  if (row.role === 'ADMIN' || (row.role === 'STAFF' && row.assigned)) return { id: row.id, eventId: row.event_id, startsAt: row.starts_at };
  throw new AppError('forbidden', 'Only staff assigned to this event may scan its tickets', { reason: 'not_event_staff' });
}
