// One reservation of the caller. Scoped by the caller's user id in the query itself: another
// user's reservation is "not found", exactly like an id that does not exist, so ids cannot be probed.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import { RESERVATION_INCLUDE, toReservationView, type ReservationView } from './reservation-view';

export const GetReservationInput = z.object({ reservationId: z.string(), userId: z.uuid() });
export type GetReservationInput = z.infer<typeof GetReservationInput>;

export async function getReservation(db: Db, input: GetReservationInput): Promise<ReservationView> {
  const { reservationId, userId } = GetReservationInput.parse(input);
  // A malformed id answers 404 too: 400 would tell a prober which ids are well-formed.
  if (!z.uuid().safeParse(reservationId).success) throw notFound('Reservation');
  const reservation = await db.reservation.findFirst({ where: { id: reservationId, userId }, include: RESERVATION_INCLUDE });
  if (!reservation) throw notFound('Reservation');
  return toReservationView(reservation);
}
