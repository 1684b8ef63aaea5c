// Step two of a refund: ask PortOne to cancel the REQUESTED amount, then complete or fail the
// refund. Safe to run again at any moment (a retry loop does): every request carries
// currentCancellableAmount as it was before this refund, so PortOne refuses a second cancel, and
// that refusal is resolved by reading the payment back — if PortOne's cancelled total already
// includes this refund, the earlier attempt went through and the refund is completed, not resent.
import { PortOneError } from '@portone/server-sdk';
import type { Db } from '../db/create-prisma';
import type { PortOne } from '../payments/portone-client';
import type { Redis } from '../redis/create-redis';
import { completeRefund } from './complete-refund';
import { RefundAccount } from './refund-account';

export type RefundOutcome = { refundId: string; status: 'SUCCEEDED' | 'REQUESTED' | 'FAILED'; failureReason: string | null };

type Deps = { db: Db; redis: Redis; portOne: PortOne };

// PortOne's answers that mean "this cancel was not made" for good; anything else (5xx, timeout,
// an error type this code does not know) leaves the refund REQUESTED for the retry loop.
const DEFINITE_REFUSALS = new Set([
  'CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT',
  'CANCEL_TAX_AMOUNT_EXCEEDS_CANCELLABLE_TAX_AMOUNT',
  'CANCEL_TAX_FREE_AMOUNT_EXCEEDS_CANCELLABLE_TAX_FREE_AMOUNT',
  'FORBIDDEN',
  'INVALID_REQUEST',
  'NEGATIVE_PROMOTION_ADJUSTED_CANCEL_AMOUNT',
  'PAYMENT_NOT_FOUND',
  'PAYMENT_NOT_PAID',
  'PG_PROVIDER',
  'SUM_OF_PARTS_EXCEEDS_CANCEL_AMOUNT',
  'UNAUTHORIZED',
]);
const ALREADY_MOVED = new Set(['CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN', 'PAYMENT_ALREADY_CANCELLED']);

function portOneErrorType(error: unknown): { type: string; message: string } | null {
  if (!(error instanceof PortOneError)) return null;
  const data = (error as PortOneError & { data?: { type?: unknown; message?: unknown } }).data;
  return typeof data?.type === 'string' ? { type: data.type, message: typeof data.message === 'string' ? data.message : data.type } : null;
}

export async function processRefund(deps: Deps, refundId: string, now: Date): Promise<RefundOutcome> {
  const refund = await deps.db.refund.findUniqueOrThrow({ where: { id: refundId }, include: { payment: { select: { portonePaymentId: true, amountKrw: true } } } });
  if (refund.status !== 'REQUESTED') return { refundId, status: refund.status, failureReason: refund.failureReason };
  const account = refund.refundAccount ? RefundAccount.parse(refund.refundAccount) : null;

  try {
    const { cancellation } = await deps.portOne.payment.cancelPayment({
        paymentId: refund.payment.portonePaymentId,
        amount: refund.amountKrw,
        currentCancellableAmount: refund.cancellableKrw,
        reason: refund.reason,
        requester: refund.initiator === 'FAN' ? 'CUSTOMER' : 'ADMIN',
        ...(account ? { refundAccount: account } : {}),
      });
    if (cancellation.status === 'SUCCEEDED' && 'id' in cancellation) {
      await completeRefund(deps, { refundId, portoneCancellationId: cancellation.id }, now);
      return { refundId, status: 'SUCCEEDED', failureReason: null };
    }
    if (cancellation.status === 'FAILED') return failRefund(deps.db, refundId, 'PortOne reported the cancellation as failed', now);
    // REQUESTED: PortOne cancels asynchronously; a later pass reads the outcome back.
    return { refundId, status: 'REQUESTED', failureReason: null };
  } catch (error) {
    const refused = portOneErrorType(error);
    if (refused && ALREADY_MOVED.has(refused.type)) return settleFromPortOne(deps, refund, now);
    if (refused && DEFINITE_REFUSALS.has(refused.type)) return failRefund(deps.db, refundId, `${refused.type}: ${refused.message}`, now);
    return { refundId, status: 'REQUESTED', failureReason: null };
  }
}

/** PortOne's cancellable amount moved: find out whether it moved by this refund. */
async function settleFromPortOne(
  deps: Deps,
  refund: { id: string; amountKrw: number; cancellableKrw: number; payment: { portonePaymentId: string; amountKrw: number } },
  now: Date,
): Promise<RefundOutcome> {
  const payment = await deps.portOne.payment.getPayment({ paymentId: refund.payment.portonePaymentId }).catch(() => null);
  if (!payment || !('amount' in payment)) return { refundId: refund.id, status: 'REQUESTED', failureReason: null };
  const cancelledBefore = refund.payment.amountKrw - refund.cancellableKrw;
  if (payment.amount.cancelled === cancelledBefore + refund.amountKrw) {
    const cancellations = ('cancellations' in payment ? payment.cancellations : undefined) ?? [];
    const ours = [...cancellations].reverse().find((c) => c.status === 'SUCCEEDED' && 'totalAmount' in c && c.totalAmount === refund.amountKrw);
    await completeRefund(deps, { refundId: refund.id, portoneCancellationId: ours && 'id' in ours ? ours.id : null }, now);
    return { refundId: refund.id, status: 'SUCCEEDED', failureReason: null };
  }
  return failRefund(
    deps.db,
    refund.id,
    `PortOne holds ${payment.amount.cancelled} KRW cancelled where ${cancelledBefore} KRW was expected before this refund: reconcile by hand`,
    now,
  );
}

async function failRefund(db: Db, refundId: string, failureReason: string, now: Date): Promise<RefundOutcome> {
  await db.refund.updateMany({ where: { id: refundId, status: 'REQUESTED' }, data: { status: 'FAILED', failureReason: failureReason.slice(0, 500), completedAt: now } });
  const refund = await db.refund.findUniqueOrThrow({ where: { id: refundId }, select: { status: true, failureReason: true } });
  return { refundId, status: refund.status, failureReason: refund.failureReason };
}
