// A paid reservation as cancellation sees it: its seats (still live or already given back), the
// payment that paid for it, the policy snapshotted at checkout and the show's start. With
// `userId` the lookup is scoped to that fan: another fan's reservation is "not found".
import { z } from 'zod';
import type { Db, Prisma } from '../db/create-prisma';
import { AppError, notFound } from '../errors/app-error';
import { CancellationPolicy, resolveCancellationPolicy } from './cancellation-policy';
import type { SeatLabelParts } from '../i18n/format-seat-label';

export type PaidBooking = {
  reservationId: string;
  userId: string;
  performanceId: string;
  status: string;
  showStartsAt: Date;
  /** The organiser called the show off: everything still paid comes back, whatever the policy. */
  performanceCancelled: boolean;
  /** When the money arrived: starts the free window and names the booking day. */
  bookedAt: Date;
  policy: CancellationPolicy;
  bookingFeePerTicketKrw: number;
  payment: { id: string; portonePaymentId: string; amountKrw: number; cancelledKrw: number; method: string | null };
  /** `seat` holds the parts of its label; each page words it in its reader's language (format.seat). */
  items: { id: string; seatId: string; ordinal: number; seat: SeatLabelParts; priceKrw: number; live: boolean }[];
};

type Reader = Db | Prisma.TransactionClient;

export async function loadPaidBooking(db: Reader, input: { reservationId: string; userId?: string; forUpdate?: boolean }): Promise<PaidBooking> {
  // A malformed id answers 404 like another fan's: nothing to learn by probing.
  if (!z.uuid().safeParse(input.reservationId).success) throw notFound('Reservation');
  if (input.forUpdate) {
    await (db as Prisma.TransactionClient).$queryRaw`SELECT id FROM ticket.reservations WHERE id = ${input.reservationId}::uuid FOR UPDATE`;
  }
  const reservation = await db.reservation.findFirst({
    where: { id: input.reservationId, ...(input.userId ? { userId: input.userId } : {}) },
    include: {
      performance: { select: { startsAt: true, status: true, event: { select: { genre: true, cancellationPolicy: true } } } },
      items: { include: { seat: { include: { section: { select: { name: true } } } } }, orderBy: { seat: { ordinal: 'asc' } } },
      payments: { where: { status: { in: ['PAID', 'PARTIAL_CANCELLED', 'CANCELLED'] } }, orderBy: { createdAt: 'desc' }, take: 1 },
    },
  });
  if (!reservation) throw notFound('Reservation');
  const payment = reservation.payments[0];
  if (reservation.status !== 'CONFIRMED' || !payment) {
    throw new AppError('conflict', `A ${reservation.status.toLowerCase()} reservation has no payment to refund`, { reason: 'not_confirmed', status: reservation.status });
  }
  const { event } = reservation.performance;
  // Bookings paid before checkout snapshotted a policy fall back to the event's current one.
  const policy = reservation.cancellationPolicy
    ? CancellationPolicy.parse(reservation.cancellationPolicy)
    : resolveCancellationPolicy({ genre: event.genre, override: event.cancellationPolicy });
  return {
    reservationId: reservation.id,
    userId: reservation.userId,
    performanceId: reservation.performanceId,
    status: reservation.status,
    showStartsAt: reservation.performance.startsAt,
    performanceCancelled: reservation.performance.status === 'CANCELLED',
    bookedAt: payment.paidAt ?? reservation.confirmedAt ?? reservation.createdAt,
    policy,
    // The fee was charged per ticket of the original booking, so it splits evenly over all of them.
    bookingFeePerTicketKrw: reservation.items.length ? Math.floor(payment.bookingFeeKrw / reservation.items.length) : 0,
    payment: { id: payment.id, portonePaymentId: payment.portonePaymentId, amountKrw: payment.amountKrw, cancelledKrw: payment.cancelledKrw, method: payment.method },
    items: reservation.items.map((item) => ({
      id: item.id,
      seatId: item.seatId,
      ordinal: item.seat.ordinal,
      seat: { section: item.seat.section.name, row: item.seat.rowLabel, number: item.seat.number },
      priceKrw: item.priceKrw,
      live: item.live,
    })),
  };
}
