// A user's reservations, newest first, with seats, amount, state and deadline.
import type { Db } from '../db/create-prisma';
import { RESERVATION_INCLUDE, toReservationView, type ReservationView } from './reservation-view';

export async function listMyReservations(db: Db, userId: string): Promise<ReservationView[]> {
  const rows = await db.reservation.findMany({ where: { userId }, include: RESERVATION_INCLUDE, orderBy: { createdAt: 'desc' }, take: 100 });
  return rows.map(toReservationView);
}
