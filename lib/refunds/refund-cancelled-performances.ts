// One pass of the payments role over cancelled performances: unpaid reservations end and free
// their seats; every paid booking is refunded in full, booking fee included, whatever the
// policy says. The work list is the state itself (CONFIRMED bookings of CANCELLED performances
// without a refund in flight), so a pass that dies half-way is finished by the next one.
import type { Db } from '../db/create-prisma';
import type { PortOne } from '../payments/portone-client';
import type { Redis } from '../redis/create-redis';
import { markReservationsEnded, releaseEndedSeats } from '../reservations/end-reservations';
import { processRefund, type RefundOutcome } from './process-refund';
import { requestRefund } from './request-refund';

export type RefundCancelledPerformancesResult = { ended: number; refunds: RefundOutcome[] };

export const ORGANISER_CANCEL_REASON = 'The performance was cancelled by the organiser';

export async function refundCancelledPerformances(deps: { db: Db; redis: Redis; portOne: PortOne }, now: Date, limit = 50): Promise<RefundCancelledPerformancesResult> {
  const ended = await deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; user_id: string; performance_id: string }[]>`
      SELECT r.id, r.user_id, r.performance_id FROM ticket.reservations r
      JOIN ticket.performances p ON p.id = r.performance_id
      WHERE p.status = 'CANCELLED' AND r.status = 'PENDING'
      ORDER BY r.created_at LIMIT ${limit} FOR UPDATE OF r SKIP LOCKED`;
    return markReservationsEnded(tx, rows.map((r) => ({ id: r.id, userId: r.user_id, performanceId: r.performance_id })), { status: 'CANCELLED', reason: 'admin' }, now);
  });
  await releaseEndedSeats(deps, ended);

  // A virtual-account payment can only be returned to a bank account the fan names: those bookings
  // stay CONFIRMED for the fan to cancel in full, fee-free at any time (quote-booking-cancellation.ts),
  // or for an admin refund to the account the fan gives.
  const due = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT r.id FROM ticket.reservations r
    JOIN ticket.performances p ON p.id = r.performance_id
    JOIN payment.payments pay ON pay.reservation_id = r.id AND pay.status IN ('PAID', 'PARTIAL_CANCELLED')
    WHERE p.status = 'CANCELLED' AND r.status = 'CONFIRMED' AND pay.method IS DISTINCT FROM 'VIRTUAL_ACCOUNT'
      AND NOT EXISTS (SELECT 1 FROM payment.refunds f WHERE f.payment_id = pay.id AND f.initiator = 'ORGANISER' AND f.status = 'FAILED')
    ORDER BY r.created_at LIMIT ${limit}`;
  const refunds: RefundOutcome[] = [];
  for (const { id } of due) {
    const requested = await requestRefund(deps.db, {
      reservationId: id,
      initiator: 'ORGANISER',
      reason: ORGANISER_CANCEL_REASON,
      requestedById: null,
      now,
    plan: (booking) => {
        const live = booking.items.filter((item) => item.live);
        const bookingFeeKrw = live.length * booking.bookingFeePerTicketKrw;
        // Everything still paid: the seats not yet refunded and the booking fee with them.
        return { itemIds: live.map((item) => item.id), amountKrw: booking.payment.amountKrw - booking.payment.cancelledKrw, feeKrw: 0, bookingFeeRefundKrw: bookingFeeKrw };
      },
    });
    refunds.push(await processRefund(deps, requested.refundId, now));
  }
  return { ended: ended.length, refunds };
}
