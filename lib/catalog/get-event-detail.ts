// The customer event page: the event, its published performances with hall, prices per grade
// and sale windows. The cached part is the data; each window's state is computed per request
// so a cached copy never shows a sale as upcoming after it opened.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import type { Redis } from '../redis/create-redis';
import { getSaleWindowState, type SaleWindowState } from './get-sale-window-state';
import { readThroughCatalogCache } from './read-through-catalog-cache';

export const EventSlug = z.string().regex(/^[a-z0-9-]{1,100}$/, 'must be an event slug');

export type PerformanceDetail = {
  id: string;
  startsAt: string;
  endsAt: string | null;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  hall: { id: string; name: string; venue: string; city: string; seatCount: number; timeZone: string };
  prices: { grade: string; amountKrw: number }[];
  presaleOpensAt: string | null;
  presaleClosesAt: string | null;
  generalSaleOpensAt: string;
  generalSaleClosesAt: string;
  maxTicketsPerPerson: number;
};
export type EventDetail = {
  id: string;
  slug: string;
  title: string;
  genre: string;
  description: string;
  posterUrl: string | null;
  artist: { name: string; slug: string } | null;
  performances: (PerformanceDetail & { sale: SaleWindowState })[];
};

async function loadEvent(db: Db, slug: string) {
  const event = await db.event.findFirst({
    where: { slug, status: 'PUBLISHED' },
    include: {
      artist: { select: { name: true, slug: true } },
      performances: {
        where: { status: { in: ['PUBLISHED', 'CANCELLED'] } },
        orderBy: { startsAt: 'asc' },
        include: { hall: { include: { venue: true } }, prices: { orderBy: { amountKrw: 'desc' } } },
      },
    },
  });
  if (!event) return null;
  return {
    id: event.id,
    slug: event.slug,
    title: event.title,
    genre: event.genre,
    description: event.description,
    posterUrl: event.posterUrl,
    artist: event.artist,
    performances: event.performances.map(
      (p): PerformanceDetail => ({
        id: p.id,
        startsAt: p.startsAt.toISOString(),
        endsAt: p.endsAt?.toISOString() ?? null,
        status: p.status,
        hall: { id: p.hall.id, name: p.hall.name, venue: p.hall.venue.name, city: p.hall.venue.city, seatCount: p.hall.seatCount, timeZone: p.hall.venue.timeZone },
        prices: p.prices.map((x) => ({ grade: x.grade, amountKrw: x.amountKrw })),
        presaleOpensAt: p.presaleOpensAt?.toISOString() ?? null,
        presaleClosesAt: p.presaleClosesAt?.toISOString() ?? null,
        generalSaleOpensAt: p.generalSaleOpensAt.toISOString(),
        generalSaleClosesAt: p.generalSaleClosesAt.toISOString(),
        maxTicketsPerPerson: p.maxTicketsPerPerson,
      }),
    ),
  };
}

export async function getEventDetail(db: Db, redis: Redis, rawSlug: string, now = new Date()): Promise<EventDetail> {
  const slug = EventSlug.parse(rawSlug);
  const event = await readThroughCatalogCache(redis, `event:${slug}`, () => loadEvent(db, slug));
  if (!event) throw notFound('Event');
  return { ...event, performances: event.performances.map((p) => ({ ...p, sale: getSaleWindowState(p, now) })) };
}
