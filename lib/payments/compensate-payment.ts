// Money that must not stay with us — a wrong amount, a reservation that expired or was cancelled
// before the money came, a second payment for seats already paid — goes back at PortOne, with the
// reason recorded and the fan told. The reason is claimed on our row first (a state-guarded
// UPDATE), so two racing settles make one cancel call; a crash between the claim and PortOne's
// answer leaves cancel_reason set on a row that is not CANCELLED, and the reconciler finishes it.
import { appendEvent } from '../events/append-event';
import { describePortOnePayment, type PortOnePaymentFacts } from './describe-portone-payment';
import type { PaymentDeps } from './payment-deps';
import { portoneErrorType } from './portone-error-type';
import { SETTLE_TX } from './settle-tx-options';

export type CompensatedPayment = { id: string; portonePaymentId: string; userId: string; reservationId: string | null };

/** PortOne answers these when the money is already back or the account already closed. */
const ALREADY_DONE = new Set(['PAYMENT_ALREADY_CANCELLED', 'PAYMENT_NOT_WAITING_FOR_DEPOSIT', 'PAYMENT_NOT_PAID']);

export async function compensatePayment(deps: PaymentDeps, payment: CompensatedPayment, remote: PortOnePaymentFacts, reason: string, now: Date): Promise<void> {
  await deps.db.payment.updateMany({ where: { id: payment.id, cancelReason: null }, data: { cancelReason: reason } });
  const stored = await deps.db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { cancelReason: true, status: true } });
  if (stored.status === 'CANCELLED') return;
  const recorded = stored.cancelReason ?? reason;
  await undoAtPortOne(deps, payment.portonePaymentId, remote, recorded);
  // What PortOne holds now decides what we record: the account may have been funded a moment
  // before we closed it, in which case undoAtPortOne refunded the deposit too.
  const final = describePortOnePayment(await deps.portone.payment.getPayment({ paymentId: payment.portonePaymentId }));
  const refundedKrw = final.cancelledKrw;
  const closed = await deps.db.$transaction(async (tx) => {
    const updated = await tx.payment.updateMany({
      where: { id: payment.id, status: { not: 'CANCELLED' } },
      data: { status: 'CANCELLED', cancelledAt: now, cancelledKrw: refundedKrw, liveReservationId: null },
    });
    if (updated.count === 0) return false;
    if (refundedKrw > 0) {
      await appendEvent(tx, {
        type: 'payment.refunded',
        aggregateId: payment.id,
        payload: { paymentId: payment.id, reservationId: payment.reservationId, refundedKrw, reason: recorded.slice(0, 500) },
      });
    }
    return true;
  }, SETTLE_TX);
  if (closed) {
    await deps.notify({
      userId: payment.userId,
      kind: 'payment_cancelled',
      reservationId: payment.reservationId,
      paymentId: payment.portonePaymentId,
      facts: { reason: recorded, refundedKrw },
    });
  }
}

async function undoAtPortOne(deps: PaymentDeps, paymentId: string, remote: PortOnePaymentFacts, reason: string): Promise<void> {
  let current = remote;
  for (let attempt = 1; ; attempt++) {
    try {
      if (current.status === 'VIRTUAL_ACCOUNT_ISSUED') {
        await deps.portone.payment.closeVirtualAccount({ paymentId });
      } else if ((current.status === 'PAID' || current.status === 'PARTIAL_CANCELLED') && current.paidKrw > current.cancelledKrw) {
        await deps.portone.payment.cancelPayment({
          paymentId,
          reason,
          // Guards against a racing cancel (a refund from the admin page): PortOne refuses when the
          // cancellable balance moved since we fetched it.
          currentCancellableAmount: current.paidKrw - current.cancelledKrw,
        });
      }
      return;
    } catch (error) {
      // Already closed, already cancelled, or paid meanwhile: look again and undo what is there (once).
      if (attempt > 1 || !ALREADY_DONE.has(portoneErrorType(error) ?? '')) throw error;
      current = describePortOnePayment(await deps.portone.payment.getPayment({ paymentId }));
    }
  }
}
