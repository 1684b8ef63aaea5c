// Hold scripts refuse to write when the performance's seat-state key is missing (reply -2):
// after a Redis restart or flush it is rebuilt from PostgreSQL first, then the script runs again.
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { rebuildSeatStates } from '../seat-map/rebuild-seat-states';

export const STATE_MISSING = -2;

export async function runWithSeatState(deps: { db: Db; redis: Redis }, performanceId: string, run: () => Promise<unknown>): Promise<unknown[]> {
  let reply = (await run()) as unknown[];
  if (reply[0] === STATE_MISSING) {
    await rebuildSeatStates(deps.db, deps.redis, performanceId);
    reply = (await run()) as unknown[];
  }
  return reply;
}
