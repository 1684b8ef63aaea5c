// Catalog reads (event lists, event pages) go through Redis for up to TTL seconds, keyed by
// the catalog generation that admin edits bump. Redis trouble falls back to PostgreSQL: a
// slow catalog is better than a missing one.
import type { Redis } from '../redis/create-redis';
import { CATALOG_GENERATION_KEY } from './invalidate-catalog-cache';

export const CATALOG_CACHE_TTL_SECONDS = 60;

export async function readThroughCatalogCache<T>(redis: Redis, name: string, load: () => Promise<T>): Promise<T> {
  let key: string | null = null;
  try {
    const generation = (await redis.get(CATALOG_GENERATION_KEY)) ?? '0';
    key = `catalog:g${generation}:${name}`;
    const cached = await redis.get(key);
    if (cached) return JSON.parse(cached) as T;
  } catch {
    key = null;
  }
  const value = await load();
  if (key) await redis.set(key, JSON.stringify(value), 'EX', CATALOG_CACHE_TTL_SECONDS).catch(() => undefined);
  return value;
}
