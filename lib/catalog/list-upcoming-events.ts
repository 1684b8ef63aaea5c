// Published events with at least one published performance still ahead, soonest first.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';

export const ListUpcomingEventsInput = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export type ListUpcomingEventsInput = z.infer<typeof ListUpcomingEventsInput>;

export type UpcomingEvent = {
  id: string;
  slug: string;
  title: string;
  genre: string;
  artist: string | null;
  venue: string;
  city: string;
  firstPerformanceAt: string;
  performanceCount: number;
  minPriceKrw: number | null;
};

export async function listUpcomingEvents(db: Db, input: ListUpcomingEventsInput, now = new Date()): Promise<UpcomingEvent[]> {
  const events = await db.event.findMany({
    where: { status: 'PUBLISHED', performances: { some: { status: 'PUBLISHED', startsAt: { gt: now } } } },
    include: {
      artist: { select: { name: true } },
      performances: {
        where: { status: 'PUBLISHED', startsAt: { gt: now } },
        orderBy: { startsAt: 'asc' },
        include: { hall: { include: { venue: true } }, prices: { select: { amountKrw: true } } },
      },
    },
  });
  return events
    .map((event) => {
      const first = event.performances[0]!;
      const prices = event.performances.flatMap((p) => p.prices.map((x) => x.amountKrw));
      return {
        id: event.id,
        slug: event.slug,
        title: event.title,
        genre: event.genre,
        artist: event.artist?.name ?? null,
        venue: `${first.hall.venue.name} ${first.hall.name}`,
        city: first.hall.venue.city,
        firstPerformanceAt: first.startsAt.toISOString(),
        performanceCount: event.performances.length,
        minPriceKrw: prices.length ? Math.min(...prices) : null,
      };
    })
    .sort((a, b) => a.firstPerformanceAt.localeCompare(b.firstPerformanceAt))
    .slice(0, input.limit);
}
