// Every admin edit bumps one generation counter; cached catalog reads are keyed by it, so one
// INCR retires every cached list and event page at once (old keys expire on their TTL).
import type { Redis } from '../redis/create-redis';

export const CATALOG_GENERATION_KEY = 'catalog:generation';

export async function invalidateCatalogCache(redis: Redis): Promise<number> {
  return redis.incr(CATALOG_GENERATION_KEY);
}
