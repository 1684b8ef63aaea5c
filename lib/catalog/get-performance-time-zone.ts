// The IANA zone of a performance's venue (drafts included), for admin pages that show its times.
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';

export async function getPerformanceTimeZone(db: Db, performanceId: string): Promise<string> {
  const performance = await db.performance.findUnique({ where: { id: performanceId }, select: { hall: { select: { venue: { select: { timeZone: true } } } } } });
  if (!performance) throw notFound('Performance');
  return performance.hall.venue.timeZone;
}
