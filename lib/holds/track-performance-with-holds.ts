// Tells the sweeper which performances have holds. A performance's keys share one cluster slot;
// this set lives in another, so it is written outside the hold script, at most every 30 s per
// performance and process (it survives a Redis flush: the next hold after one re-adds it).
import type { Redis } from '../redis/create-redis';
import { PERFORMANCES_WITH_HOLDS } from './seat-hold-keys';

const REFRESH_MS = 30_000;
const lastTracked = new WeakMap<Redis, Map<string, number>>();

export async function trackPerformanceWithHolds(redis: Redis, performanceId: string, now: number): Promise<void> {
  let tracked = lastTracked.get(redis);
  if (!tracked) lastTracked.set(redis, (tracked = new Map()));
  if (now - (tracked.get(performanceId) ?? -Infinity) < REFRESH_MS) return;
  await redis.sadd(PERFORMANCES_WITH_HOLDS, performanceId);
  tracked.set(performanceId, now);
}
