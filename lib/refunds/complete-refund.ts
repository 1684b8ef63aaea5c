// Step three of a refund, once PortOne has returned the money: in one transaction the refund is
// SUCCEEDED, the payment's cancelled total grows, the refunded seats stop being live (their
// tickets become REFUNDED, their codes revoked), and payment.refunded / reservation.cancelled go
// to the outbox. Then the seats are put back on the Redis map at once; the reservations
// consumer's copy of that is idempotent.
import type { Db } from '../db/create-prisma';
import { appendEvent } from '../events/append-event';
import { syncReservedSeats } from '../holds/sync-reserved-seats';
import type { Redis } from '../redis/create-redis';
import { voidTickets } from '../tickets/void-tickets';

const REASON_OF_INITIATOR = { FAN: 'user', ORGANISER: 'organiser', ADMIN: 'admin' } as const;

export type CompletedRefund = { refundId: string; performanceId: string; userId: string; ordinals: number[] };

export async function completeRefund(
  deps: { db: Db; redis: Redis },
  input: { refundId: string; portoneCancellationId: string | null },
  now: Date,
): Promise<CompletedRefund | null> {
  const completed = await deps.db.$transaction(async (tx) => {
    const marked = await tx.refund.updateMany({
      where: { id: input.refundId, status: 'REQUESTED' },
      data: { status: 'SUCCEEDED', completedAt: now, portoneCancellationId: input.portoneCancellationId },
    });
    // Another path (the retry loop, a second click) completed it first.
    if (marked.count === 0) return null;
    const refund = await tx.refund.findUniqueOrThrow({ where: { id: input.refundId } });
    await tx.$queryRaw`SELECT id FROM payment.payments WHERE id = ${refund.paymentId}::uuid FOR UPDATE`;
    const payment = await tx.payment.findUniqueOrThrow({ where: { id: refund.paymentId } });
    const cancelledKrw = payment.cancelledKrw + refund.amountKrw;

    const reservation = refund.reservationId
      ? await tx.reservation.findUniqueOrThrow({ where: { id: refund.reservationId }, select: { id: true, userId: true, performanceId: true } })
      : null;
    let seats: { seatId: string; ordinal: number }[] = [];
    let remaining = 0;
    if (reservation && refund.reservationItemIds.length > 0) {
      const items = await tx.reservationItem.findMany({ where: { id: { in: refund.reservationItemIds } }, select: { seatId: true, seat: { select: { ordinal: true } } } });
      seats = items.map((item) => ({ seatId: item.seatId, ordinal: item.seat.ordinal }));
      await tx.reservationItem.updateMany({ where: { id: { in: refund.reservationItemIds } }, data: { live: false } });
      // A cancelled performance already voided its tickets as CANCELLED; these stay so.
      await voidTickets(tx, { reservationItemIds: refund.reservationItemIds }, 'REFUNDED', now);
      remaining = await tx.reservationItem.count({ where: { reservationId: reservation.id, live: true } });
      if (remaining === 0) await tx.reservation.update({ where: { id: reservation.id }, data: { status: 'REFUNDED', cancelledAt: now } });
    }
    const bookingEnded = reservation !== null && seats.length > 0 && remaining === 0;
    await tx.payment.update({
      where: { id: payment.id },
      data: {
        cancelledKrw,
        status: cancelledKrw >= payment.amountKrw ? 'CANCELLED' : 'PARTIAL_CANCELLED',
        cancelledAt: now,
        ...(bookingEnded || cancelledKrw >= payment.amountKrw ? { liveReservationId: null } : {}),
      },
    });

    await appendEvent(tx, {
      type: 'payment.refunded',
      aggregateId: payment.id,
      occurredAt: now,
      payload: {
        paymentId: payment.id,
        reservationId: refund.reservationId,
        refundedKrw: refund.amountKrw,
        reason: refund.reason.slice(0, 500),
        refundId: refund.id,
        userId: payment.userId,
        feeKrw: refund.feeKrw,
        bookingFeeRefundKrw: refund.bookingFeeRefundKrw,
      },
    });
    if (reservation && seats.length > 0) {
      await appendEvent(tx, {
        type: 'reservation.cancelled',
        aggregateId: reservation.id,
        occurredAt: now,
        payload: {
          reservationId: reservation.id,
          userId: reservation.userId,
          performanceId: reservation.performanceId,
          reason: REASON_OF_INITIATOR[refund.initiator],
          seatIds: seats.map((s) => s.seatId),
          partial: remaining > 0,
        },
      });
    }
    return reservation && seats.length > 0
      ? { refundId: refund.id, reservationId: reservation.id, performanceId: reservation.performanceId, userId: reservation.userId, ordinals: seats.map((s) => s.ordinal) }
      : { refundId: refund.id, reservationId: null, performanceId: '', userId: payment.userId, ordinals: [] };
  });
  // The fast first word for the seat map: the seats are buyable again before the event is relayed.
  if (completed?.reservationId && completed.ordinals.length > 0) {
    const owner = { reservationId: completed.reservationId, userId: completed.userId };
    await syncReservedSeats(deps.redis, completed.performanceId, owner, completed.ordinals.map((ordinal) => ({ ordinal, live: null })));
  }
  return completed;
}
