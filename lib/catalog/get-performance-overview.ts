// What the seat-map page needs besides the seats: the performance, its event, its hall and
// seat-map version (the static map's cache key) and the price of each grade.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import type { Redis } from '../redis/create-redis';
import { getSaleWindowState, type SaleWindowState } from './get-sale-window-state';
import { readThroughCatalogCache } from './read-through-catalog-cache';

export type PerformanceOverview = {
  id: string;
  startsAt: string;
  status: 'DRAFT' | 'PUBLISHED' | 'CANCELLED';
  maxTicketsPerPerson: number;
  event: { slug: string; title: string };
  hall: { id: string; name: string; venue: string; seatMapVersion: number; seatCount: number; timeZone: string };
  prices: { grade: string; amountKrw: number }[];
  windows: { presaleOpensAt: string | null; presaleClosesAt: string | null; generalSaleOpensAt: string; generalSaleClosesAt: string };
};

async function loadOverview(db: Db, id: string): Promise<PerformanceOverview | null> {
  const p = await db.performance.findFirst({
    where: { id, status: { in: ['PUBLISHED', 'CANCELLED'] }, event: { status: 'PUBLISHED' } },
    include: { event: true, hall: { include: { venue: true } }, prices: { orderBy: { amountKrw: 'desc' } } },
  });
  if (!p) return null;
  return {
    id: p.id,
    startsAt: p.startsAt.toISOString(),
    status: p.status,
    maxTicketsPerPerson: p.maxTicketsPerPerson,
    event: { slug: p.event.slug, title: p.event.title },
    hall: { id: p.hall.id, name: p.hall.name, venue: p.hall.venue.name, seatMapVersion: p.hall.seatMapVersion, seatCount: p.hall.seatCount, timeZone: p.hall.venue.timeZone },
    prices: p.prices.map((x) => ({ grade: x.grade, amountKrw: x.amountKrw })),
    windows: {
      presaleOpensAt: p.presaleOpensAt?.toISOString() ?? null,
      presaleClosesAt: p.presaleClosesAt?.toISOString() ?? null,
      generalSaleOpensAt: p.generalSaleOpensAt.toISOString(),
      generalSaleClosesAt: p.generalSaleClosesAt.toISOString(),
    },
  };
}

export async function getPerformanceOverview(db: Db, redis: Redis, rawId: string, now = new Date()): Promise<PerformanceOverview & { sale: SaleWindowState }> {
  const id = z.uuid().parse(rawId);
  const overview = await readThroughCatalogCache(redis, `performance:${id}`, () => loadOverview(db, id));
  if (!overview) throw notFound('Performance');
  return { ...overview, sale: getSaleWindowState({ status: overview.status, ...overview.windows }, now) };
}
