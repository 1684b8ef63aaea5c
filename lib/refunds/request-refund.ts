// Step one of every refund: inside one transaction, with the reservation locked, decide what to
// give back and record it as a REQUESTED refund before PortOne hears of it. A crash after this
// leaves a row that process-refund.ts finishes; a repeated request finds the same row instead of
// asking PortOne twice.
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import { AppError } from '../errors/app-error';
import { loadPaidBooking, type PaidBooking } from './load-paid-booking';
import { RefundAccount } from './refund-account';

export type RefundPlan = {
  itemIds: string[];
  amountKrw: number;
  feeKrw: number;
  bookingFeeRefundKrw: number;
};

export type RequestRefundInput = {
  reservationId: string;
  /** Set for a fan's own request: another fan's reservation is "not found". */
  userId?: string;
  initiator: 'FAN' | 'ORGANISER' | 'ADMIN';
  reason: string;
  requestedById: string | null;
  refundAccount?: RefundAccount | null;
  /** Decides the seats and the amount from the locked booking; throws to refuse. */
  plan: (booking: PaidBooking) => RefundPlan;
  now: Date;
  /** An admin's refund leaves an audit row in the same transaction as the request. */
  audit?: { actorId: string; requestId?: string | null };
};

export type RequestedRefund = { refundId: string; booking: PaidBooking; replayed: boolean };

export async function requestRefund(db: Db, input: RequestRefundInput): Promise<RequestedRefund> {
  return db.$transaction(async (tx) => {
    const booking = await loadPaidBooking(tx, { reservationId: input.reservationId, userId: input.userId, forUpdate: true });
    const plan = input.plan(booking);
    const inFlight = await tx.refund.findFirst({ where: { paymentId: booking.payment.id, status: 'REQUESTED' } });
    if (inFlight) {
      const same = inFlight.reservationItemIds.length === plan.itemIds.length && plan.itemIds.every((id) => inFlight.reservationItemIds.includes(id));
      if (same) return { refundId: inFlight.id, booking, replayed: true };
      throw new AppError('conflict', 'Another cancellation of this booking is still being processed', { reason: 'refund_in_flight', refundId: inFlight.id });
    }
    const cancellableKrw = booking.payment.amountKrw - booking.payment.cancelledKrw;
    if (plan.amountKrw <= 0 || plan.amountKrw > cancellableKrw) {
      throw new AppError('conflict', `A refund of ${plan.amountKrw} KRW does not fit the ${cancellableKrw} KRW still paid`, { reason: 'amount_out_of_range', cancellableKrw });
    }
    if (booking.payment.method === 'VIRTUAL_ACCOUNT' && !input.refundAccount) {
      throw new AppError('validation_failed', 'refundAccount: a virtual-account payment is refunded to a bank account; name one', { field: 'refundAccount' });
    }
    const refund = await tx.refund.create({
      data: {
        paymentId: booking.payment.id,
        reservationId: booking.reservationId,
        amountKrw: plan.amountKrw,
        feeKrw: plan.feeKrw,
        bookingFeeRefundKrw: plan.bookingFeeRefundKrw,
        reservationItemIds: plan.itemIds,
        initiator: input.initiator,
        reason: input.reason,
        requestedById: input.requestedById,
        cancellableKrw,
        refundAccount: input.refundAccount ? RefundAccount.parse(input.refundAccount) : undefined,
        createdAt: input.now,
      },
    });
    if (input.audit) {
      await recordAdminChange(tx, {
        actorId: input.audit.actorId,
        action: 'payment.refund',
        entityType: 'payment',
        entityId: booking.payment.id,
        before: { amountKrw: booking.payment.amountKrw, cancelledKrw: booking.payment.cancelledKrw },
        after: { refundId: refund.id, amountKrw: plan.amountKrw, seats: plan.itemIds.length, reason: input.reason },
        requestId: input.audit.requestId,
      });
    }
    return { refundId: refund.id, booking, replayed: false };
  });
}
