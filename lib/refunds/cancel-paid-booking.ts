// A fan cancels their paid booking, whole or some seats: the fee is the one the preview showed
// (a changed quote, say past midnight, is refused so the fan sees the new figure), the refund is
// recorded before PortOne is asked, and the seats are back on sale once the money is returned.
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { processRefund, type RefundOutcome } from './process-refund';
import { quoteBookingCancellation } from './quote-booking-cancellation';
import { RefundAccount } from './refund-account';
import { requestRefund } from './request-refund';
import type { Db } from '../db/create-prisma';
import type { PortOne } from '../payments/portone-client';
import type { Redis } from '../redis/create-redis';

export const CancelPaidBookingInput = z.object({
  userId: z.uuid(),
  reservationId: z.string(),
  seatIds: z.array(z.uuid()).min(1).max(50).optional(),
  /** The refund the fan saw in the preview; a different quote now is refused with 409. */
  expectedRefundKrw: z.number().int().nonnegative().optional(),
  refundAccount: RefundAccount.optional(),
});
export type CancelPaidBookingInput = z.input<typeof CancelPaidBookingInput>;

export type CancelPaidBookingResult = RefundOutcome & { refundKrw: number; feeKrw: number; replayed: boolean };

export async function cancelPaidBooking(deps: { db: Db; redis: Redis; portOne: PortOne }, input: CancelPaidBookingInput, now: Date): Promise<CancelPaidBookingResult> {
  const { userId, reservationId, seatIds, expectedRefundKrw, refundAccount } = CancelPaidBookingInput.parse(input);
  let refundKrw = 0;
  let feeKrw = 0;
  const requested = await requestRefund(deps.db, {
    reservationId,
    userId,
    initiator: 'FAN',
    reason: seatIds ? 'Cancelled by the customer (some seats)' : 'Cancelled by the customer',
    requestedById: userId,
    refundAccount,
    now,
    plan: (booking) => {
      const { items, quote } = quoteBookingCancellation(booking, seatIds, now);
      if (!quote.allowed) {
        throw new AppError('conflict', 'Cancellation for this show has closed', { reason: 'cancellation_closed', closesAt: quote.closesAt.toISOString() });
      }
      if (expectedRefundKrw !== undefined && expectedRefundKrw !== quote.refundKrw) {
        throw new AppError('conflict', `The refund is now ${quote.refundKrw} KRW; review it and confirm again`, { reason: 'quote_changed', refundKrw: quote.refundKrw });
      }
      refundKrw = quote.refundKrw;
      feeKrw = quote.feeKrw;
      return { itemIds: items.map((i) => i.id), amountKrw: quote.refundKrw, feeKrw: quote.feeKrw, bookingFeeRefundKrw: quote.bookingFeeRefundKrw };
    },
  });
  const outcome = await processRefund(deps, requested.refundId, now);
  if (requested.replayed) {
    const refund = await deps.db.refund.findUniqueOrThrow({ where: { id: requested.refundId }, select: { amountKrw: true, feeKrw: true } });
    refundKrw = refund.amountKrw;
    feeKrw = refund.feeKrw;
  }
  if (outcome.status === 'FAILED') {
    throw new AppError('unprocessable', 'The payment provider refused the refund; your booking is unchanged', { reason: 'refund_refused', refundId: outcome.refundId });
  }
  return { ...outcome, refundKrw, feeKrw, replayed: requested.replayed };
}
