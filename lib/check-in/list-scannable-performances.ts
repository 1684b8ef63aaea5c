// The performances a staff member can work the door of, from yesterday on, soonest first: those of
// the events they are assigned to (an admin: every published one). Null for a user who is neither
// STAFF nor ADMIN in the database (the session's role may be older than an assignment).
import type { Db } from '../db/create-prisma';

export type ScannablePerformanceSummary = { id: string; eventTitle: string; startsAt: string; timeZone: string; venueName: string; gates: Array<string | null> };

const DAY = 86_400_000;

export async function listScannablePerformances(db: Db, userId: string, now: Date): Promise<ScannablePerformanceSummary[] | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user || user.role === 'USER') return null;
  const performances = await db.performance.findMany({
    where: {
      startsAt: { gte: new Date(now.getTime() - DAY) },
      status: { not: 'CANCELLED' },
      event: user.role === 'ADMIN' ? { status: 'PUBLISHED' } : { staff: { some: { userId } } },
    },
    orderBy: { startsAt: 'asc' },
    take: 50,
    select: { id: true, startsAt: true, event: { select: { title: true } }, hall: { select: { venue: { select: { name: true, timeZone: true } }, sections: { select: { gate: true } } } } },
  });
  return performances.map((p) => ({
    id: p.id,
    eventTitle: p.event.title,
    startsAt: p.startsAt.toISOString(),
    timeZone: p.hall.venue.timeZone,
    venueName: p.hall.venue.name,
    gates: [...new Set(p.hall.sections.map((s) => s.gate))].sort((a, b) => (a ?? '').localeCompare(b ?? '')),
  }));
}
