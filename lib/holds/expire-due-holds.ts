// The reservations role's sweeper: frees holds whose time ran out so the seats return to the
// map within a second or two, without waiting for someone to try them.
import type { Redis } from '../redis/create-redis';
import { runHoldScript } from './hold-scripts';
import { PERFORMANCES_WITH_HOLDS } from './seat-hold-keys';

const BATCH = 500;

export async function expireDueHolds(redis: Redis, now = Date.now()): Promise<number> {
  const performanceIds = await redis.smembers(PERFORMANCES_WITH_HOLDS);
  let freed = 0;
  for (const performanceId of performanceIds) {
    let batch: number;
    do {
      batch = Number(await runHoldScript(redis, 'expireHolds', performanceId, [], [now, BATCH]));
      freed += batch;
    } while (batch === BATCH);
  }
  return freed;
}
