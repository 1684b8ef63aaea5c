// The admin's check-in page: published events with their performances and door staff.
import type { Db } from '../db/create-prisma';
import { listEventStaff, type EventStaffMember } from './list-event-staff';

export type CheckInEvent = {
  id: string;
  title: string;
  performances: Array<{ id: string; startsAt: string; timeZone: string; status: string }>;
  staff: EventStaffMember[];
};

export async function listCheckInEvents(db: Db): Promise<CheckInEvent[]> {
  const events = await db.event.findMany({
    where: { status: 'PUBLISHED' },
    orderBy: { createdAt: 'asc' },
    take: 50,
    select: {
      id: true,
      title: true,
      performances: { orderBy: { startsAt: 'asc' }, select: { id: true, startsAt: true, status: true, hall: { select: { venue: { select: { timeZone: true } } } } } },
    },
  });
  return Promise.all(
    events.map(async (event) => ({
      id: event.id,
      title: event.title,
      performances: event.performances.map((p) => ({ id: p.id, startsAt: p.startsAt.toISOString(), timeZone: p.hall.venue.timeZone, status: p.status })),
      staff: await listEventStaff(db, event.id),
    })),
  );
}
