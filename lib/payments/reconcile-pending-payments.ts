// The payments role's reconciler: a payment still open (READY, PAY_PENDING, or a virtual account
// waiting for its deposit) `pendingMinutes` after checkout, or last looked at that long ago, is
// looked up at PortOne and settled — this is how a payment whose webhooks were all lost still
// confirms its reservation. A cancel we claimed but did not finish (cancel_reason set, not yet
// CANCELLED) is finished here too. An open payment whose reservation ended with PortOne knowing
// nothing of it (the window was never opened) is closed as abandoned.
import type { PaymentDeps } from './payment-deps';
import { settlePayment, type SettleResult } from './settle-payment';

export async function reconcilePendingPayments(deps: PaymentDeps, now = new Date(), limit = 100): Promise<SettleResult[]> {
  const cutoff = new Date(now.getTime() - deps.config.pendingMinutes * 60_000);
  const due = await deps.db.payment.findMany({
    where: {
      OR: [
        { status: { in: ['READY', 'PAY_PENDING', 'VIRTUAL_ACCOUNT_ISSUED'] }, createdAt: { lte: cutoff }, OR: [{ checkedAt: null }, { checkedAt: { lte: cutoff } }] },
        { cancelReason: { not: null }, status: { notIn: ['CANCELLED', 'FAILED'] } },
      ],
    },
    orderBy: { createdAt: 'asc' },
    take: limit,
    select: { id: true, portonePaymentId: true, reservationId: true },
  });
  const results: SettleResult[] = [];
  for (const payment of due) {
    await deps.db.payment.update({ where: { id: payment.id }, data: { checkedAt: now } });
    const result = await settlePayment(deps, { paymentId: payment.portonePaymentId }, now);
    if (result.outcome === 'pending' && payment.reservationId) await closeIfAbandoned(deps, payment.id, payment.reservationId);
    results.push(result);
  }
  return results;
}

async function closeIfAbandoned(deps: PaymentDeps, id: string, reservationId: string): Promise<void> {
  const reservation = await deps.db.reservation.findUnique({ where: { id: reservationId }, select: { status: true } });
  if (reservation?.status === 'PENDING' || reservation?.status === 'AWAITING_DEPOSIT') return;
  // A later PAID at PortOne still settles (and is refunded: the seats are gone) through the webhook.
  await deps.db.payment.updateMany({ where: { id, status: { in: ['READY', 'PAY_PENDING'] } }, data: { status: 'FAILED', failureReason: 'abandoned: reservation ended', liveReservationId: null } });
}
