// Shows seats on the map as PostgreSQL has them: each sold to the live reservation that has it,
// or free when none does. Safe to repeat and to run late (sync-reserved-seats.lua says how), so
// the same call serves as the quick first word after a commit and as the reservation events'
// guarantee.
import type { Redis } from '../redis/create-redis';
import { runHoldScript } from './hold-scripts';
import { seatHoldKeys } from './seat-hold-keys';

export type SeatOwner = { reservationId: string; userId: string };
/** A seat of the reservation the news is about, and the live reservation that has it now (null: none). */
export type ReservedSeat = { ordinal: number; live: SeatOwner | null };

/**
 * `about` is the reservation the news concerns: a seat no live reservation has is freed only if
 * the map shows it sold to that one (null: free none). Returns how many seats changed state.
 */
export async function syncReservedSeats(redis: Redis, performanceId: string, about: SeatOwner | null, seats: ReservedSeat[]): Promise<number> {
  if (seats.length === 0) return 0;
  const args = seats.flatMap((s) => [s.ordinal, s.live?.reservationId ?? '', s.live?.userId ?? '']);
  const changed = await runHoldScript(redis, 'syncReservedSeats', performanceId, [seatHoldKeys(performanceId).owners], [about?.reservationId ?? '', about?.userId ?? '', ...args]);
  return Number(changed);
}
