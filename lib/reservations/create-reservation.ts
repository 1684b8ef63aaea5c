// Turns a user's held seats into a PENDING reservation (commitReservation: one transaction with
// its items and `reservation.created`), then shows the seats as sold on the map.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import type { AdmittedEntry } from '../holds/entry-check-of';
import { SeatOrdinals } from '../holds/seat-ordinals';
import { syncReservedSeats } from '../holds/sync-reserved-seats';
import type { Redis } from '../redis/create-redis';
import { commitReservation } from './commit-reservation';
import type { ReservationView } from './reservation-view';

export const CreateReservationInput = z.object({
  performanceId: z.uuid(),
  seats: SeatOrdinals,
});
export type CreateReservationInput = z.infer<typeof CreateReservationInput>;

export const IdempotencyKey = z.string().min(8, 'Idempotency-Key must be 8 to 200 characters').max(200, 'Idempotency-Key must be 8 to 200 characters');

export type CreateReservationDeps = { db: Db; redis: Redis; now?: () => Date };

export async function createReservation(
  deps: CreateReservationDeps,
  userId: string,
  idempotencyKey: string,
  input: CreateReservationInput,
  /** The caller's entry token (worker API); its revocation is checked with the holds. */
  entry?: AdmittedEntry,
): Promise<{ reservation: ReservationView; replayed: boolean }> {
  const committed = await commitReservation(deps, userId, idempotencyKey, input, entry);
  if (committed.replayed) return committed;
  // The quick first word: the holds become the reservation's seats. The reservations role does
  // the same from `reservation.created` should this process die or fail before it gets here.
  const owner = { reservationId: committed.reservation.id, userId };
  await syncReservedSeats(deps.redis, input.performanceId, owner, committed.reservation.seats.map((s) => ({ ordinal: s.ordinal, live: owner })));
  return committed;
}
