// The user lets go of some or all of their held seats; they are back on the map at once.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { runHoldScript } from './hold-scripts';
import { loadPerformanceSeats } from './load-performance-seats';

export const ReleaseHeldSeatsInput = z.object({ seats: z.array(z.int().min(0)).max(20).optional() });
export type ReleaseHeldSeatsInput = z.infer<typeof ReleaseHeldSeatsInput>;

export async function releaseHeldSeats(deps: { db: Db; redis: Redis }, performanceId: string, userId: string, input: ReleaseHeldSeatsInput) {
  const performance = await loadPerformanceSeats(deps.db, performanceId);
  const ordinals = (input.seats ?? []).filter((o) => performance.seatsByOrdinal[o]);
  if (input.seats?.length && ordinals.length === 0) return { released: [] };
  const released = (await runHoldScript(deps.redis, 'releaseHolds', performanceId, [], [userId, ...ordinals])) as string[];
  return { released: released.map(Number) };
}
