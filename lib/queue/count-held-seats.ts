// Adds seats a fan just held to the room's running total (`held` in `{P}:meta`), the funnel's
// step between admission and reservation. Holds make no event (they live in Redis and mostly
// expire), so the counter sits next to the room's `joined` and `admitted`: one HINCRBY per
// successful hold instead of an outbox row.
import type { Redis } from '../redis/create-redis';
import { queueKeys } from './queue-keys';

export async function countHeldSeats(redis: Redis, performanceId: string, seats: number): Promise<void> {
  await redis.hincrby(queueKeys(performanceId).meta, 'held', seats);
}
