// The receipt a fan gets when their paid reservation is CONFIRMED: in the app and by email,
// once per reservation however often payment.settled / reservation.confirmed is delivered.
import type { Db } from '../db/create-prisma';
import { notifyUser, type NotifyUserDeps, type NotifyUserResult } from './notify-user';

export type NotifyReservationConfirmedInput = {
  reservationId: string;
  /** What PortOne charged (seats and booking fee). */
  paidAmount: number;
  /** How it was paid: PortOne's method kind (`CARD`, `EASY_PAY`, `VIRTUAL_ACCOUNT`). */
  paymentMethod: string;
};

export async function notifyReservationConfirmed(deps: NotifyUserDeps, input: NotifyReservationConfirmedInput): Promise<NotifyUserResult> {
  const reservation = await loadReservation(deps.db, input.reservationId);
  return notifyUser(deps, {
    userId: reservation.userId,
    kind: 'reservation.confirmed',
    subjectId: reservation.id,
    link: `/me/reservations/${reservation.id}`,
    data: {
      eventTitle: reservation.performance.event.title,
      performanceAt: reservation.performance.startsAt.toISOString(),
      timeZone: reservation.performance.hall.venue.timeZone,
      venueName: `${reservation.performance.hall.venue.name} ${reservation.performance.hall.name}`,
      seats: reservation.items.map(({ seat }) => ({ section: seat.section.name, row: seat.rowLabel, number: seat.number })),
      totalAmount: input.paidAmount,
      paymentMethod: input.paymentMethod,
      reservationCode: reservation.id.slice(-8).toUpperCase(),
    },
  });
}

function loadReservation(db: Db, reservationId: string) {
  return db.reservation.findUniqueOrThrow({
    where: { id: reservationId },
    select: {
      id: true,
      userId: true,
      performance: { select: { startsAt: true, event: { select: { title: true } }, hall: { select: { name: true, venue: { select: { name: true, timeZone: true } } } } } },
      items: {
        where: { live: true },
        orderBy: { seat: { ordinal: 'asc' } },
        select: { seat: { select: { rowLabel: true, number: true, section: { select: { name: true } } } } },
      },
    },
  });
}
