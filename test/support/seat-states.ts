// A performance's seat states as the seat map reads them: 0 available, 1 held, 2 reserved/sold.
import type { Redis } from '../../lib/redis/create-redis';
import { seatStateKey } from '../../lib/seat-map/seat-state-key';

export async function readSeatStates(redis: Redis, performanceId: string, ordinals: number[]): Promise<number[]> {
  const args = ordinals.flatMap((o) => ['GET', 'u2', `#${o}`]);
  return (await redis.bitfield(seatStateKey(performanceId), ...(args as ['GET', string, string]))) as number[];
}
