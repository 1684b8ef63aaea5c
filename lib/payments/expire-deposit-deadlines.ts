// The payments role's virtual-account loop: a reservation AWAITING_DEPOSIT whose deadline passed
// is looked up once more at PortOne (a deposit whose webhook was lost still confirms), else its
// account is closed at PortOne, the payment cancelled and the fan told (compensate-payment.ts),
// and the reservation ends through the same path as an unpaid PENDING one: EXPIRED, items no
// longer live, `reservation.expired`, seats back on the map.
import type { Db } from '../db/create-prisma';
import { markReservationsEnded, releaseEndedSeats, type EndedReservation } from '../reservations/end-reservations';
import { compensatePayment } from './compensate-payment';
import { describePortOnePayment } from './describe-portone-payment';
import type { PaymentDeps } from './payment-deps';
import { settlePayment } from './settle-payment';

export const DEPOSIT_DEADLINE_PASSED = 'virtual account deposit deadline passed';

export async function expireDepositDeadlines(deps: PaymentDeps, now = new Date(), limit = 100): Promise<number> {
  const due = await deps.db.reservation.findMany({
    where: { status: 'AWAITING_DEPOSIT', paymentDeadline: { lte: now } },
    orderBy: { paymentDeadline: 'asc' },
    take: limit,
    select: { id: true, payments: { where: { status: { in: ['VIRTUAL_ACCOUNT_ISSUED', 'PAID', 'CANCELLED'] } }, orderBy: { createdAt: 'desc' }, take: 1, select: { id: true, portonePaymentId: true, userId: true, reservationId: true } } },
  });
  let expired = 0;
  for (const reservation of due) {
    const payment = reservation.payments[0];
    if (payment) {
      const settled = await settlePayment(deps, { paymentId: payment.portonePaymentId }, now);
      if (settled.outcome === 'paid') continue;
      if (settled.outcome === 'virtual_account_issued') {
        const remote = describePortOnePayment(await deps.portone.payment.getPayment({ paymentId: payment.portonePaymentId }));
        // A deposit landing between the lookup and the close is refunded with it: the deadline passed.
        await compensatePayment(deps, payment, remote, DEPOSIT_DEADLINE_PASSED, now);
      }
    }
    const ended = await endAwaitingReservation(deps.db, reservation.id, now);
    await releaseEndedSeats(deps, ended);
    expired += ended.length;
  }
  return expired;
}

async function endAwaitingReservation(db: Db, reservationId: string, now: Date): Promise<EndedReservation[]> {
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: string; user_id: string; performance_id: string }[]>`
      SELECT id, user_id, performance_id FROM ticket.reservations
       WHERE id = ${reservationId}::uuid AND status = 'AWAITING_DEPOSIT' FOR UPDATE`;
    const paid = await tx.payment.count({ where: { liveReservationId: reservationId, status: 'PAID' } });
    if (rows.length === 0 || paid > 0) return [];
    return markReservationsEnded(tx, rows.map((r) => ({ id: r.id, userId: r.user_id, performanceId: r.performance_id })), { status: 'EXPIRED' }, now);
  });
}
