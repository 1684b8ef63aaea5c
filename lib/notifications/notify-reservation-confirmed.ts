// The receipt a fan gets when their paid reservation is CONFIRMED: in the app and by email,
// once per reservation however often payment.settled / reservation.confirmed is delivered.
import type { Db } from '../db/create-prisma';
import { notifyUser, type NotifyUserDeps, type NotifyUserResult } from './notify-user';

export type NotifyReservationConfirmedInput = {
  reservationId: string;
  /** What PortOne charged (seats and booking fee). */
  paidAmount: number;
  /** How it was paid, as the fan knows it: `신용카드`, `카카오페이`, `가상계좌`. */
  paymentMethod: string;
};

// Performances are in Korea until venues carry their own time zone. Korean tickets write the
// weekday in parentheses: 2030년 6월 1일 (토) 19:00.
const PERFORMANCE_TIME = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function formatPerformanceTime(at: Date): string {
  const part = Object.fromEntries(PERFORMANCE_TIME.formatToParts(at).map((p) => [p.type, p.value]));
  return `${part.year}년 ${part.month} ${part.day}일 (${part.weekday}) ${part.hour}:${part.minute}`;
}

export async function notifyReservationConfirmed(deps: NotifyUserDeps, input: NotifyReservationConfirmedInput): Promise<NotifyUserResult> {
  const reservation = await loadReservation(deps.db, input.reservationId);
  return notifyUser(deps, {
    userId: reservation.userId,
    kind: 'reservation.confirmed',
    subjectId: reservation.id,
    link: `/me/reservations/${reservation.id}`,
    data: {
      eventTitle: reservation.performance.event.title,
      performanceAt: formatPerformanceTime(reservation.performance.startsAt),
      venueName: `${reservation.performance.hall.venue.name} ${reservation.performance.hall.name}`,
      seats: reservation.items.map((item) => `${item.seat.section.name} ${item.seat.rowLabel}열 ${item.seat.number}번`),
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
      performance: { select: { startsAt: true, event: { select: { title: true } }, hall: { select: { name: true, venue: { select: { name: true } } } } } },
      items: {
        where: { live: true },
        orderBy: { seat: { ordinal: 'asc' } },
        select: { seat: { select: { rowLabel: true, number: true, section: { select: { name: true } } } } },
      },
    },
  });
}
