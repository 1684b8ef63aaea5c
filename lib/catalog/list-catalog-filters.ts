// The choices of the event list's venue and artist filters: those with a published event.
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { readThroughCatalogCache } from './read-through-catalog-cache';

export type CatalogFilters = { venues: { slug: string; name: string }[]; artists: { slug: string; name: string }[] };

export async function listCatalogFilters(db: Db, redis: Redis): Promise<CatalogFilters> {
  return readThroughCatalogCache(redis, 'filters', async () => {
    const [venues, artists] = await Promise.all([
      db.venue.findMany({
        where: { halls: { some: { performances: { some: { status: 'PUBLISHED', event: { status: 'PUBLISHED' } } } } } },
        orderBy: { name: 'asc' },
        select: { slug: true, name: true },
      }),
      db.artist.findMany({ where: { events: { some: { status: 'PUBLISHED' } } }, orderBy: { name: 'asc' }, select: { slug: true, name: true } }),
    ]);
    return { venues, artists };
  });
}
