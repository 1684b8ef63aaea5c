// The event slug of a performance, to turn the waiting room's seat-map target
// (/performances/:id/seats, computed from the id alone) into the catalog's seat-map URL.
import type { Db } from '../db/create-prisma';

export async function findPerformanceSlug(db: Db, performanceId: string): Promise<string | null> {
  if (!/^[0-9a-f-]{36}$/i.test(performanceId)) return null;
  const performance = await db.performance.findUnique({ where: { id: performanceId }, select: { event: { select: { slug: true } } } });
  return performance?.event.slug ?? null;
}
