// The staff of an event's door, for the admin page.
import type { Db } from '../db/create-prisma';

export type EventStaffMember = { userId: string; email: string | null; name: string | null; assignedAt: string };

export async function listEventStaff(db: Db, eventId: string): Promise<EventStaffMember[]> {
  const rows = await db.eventStaff.findMany({ where: { eventId }, orderBy: { createdAt: 'asc' }, select: { createdAt: true, user: { select: { id: true, email: true, name: true } } } });
  return rows.map((r) => ({ userId: r.user.id, email: r.user.email, name: r.user.name, assignedAt: r.createdAt.toISOString() }));
}
