// What cancelling would cost, before the fan confirms: the exact fee and refund for the chosen
// seats (all remaining ones by default), the deadline, and the policy in words.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { describeCancellationPolicy } from './describe-cancellation-policy';
import { loadPaidBooking } from './load-paid-booking';
import { quoteBookingCancellation } from './quote-booking-cancellation';
import type { SeatLabelParts } from '../i18n/format-seat-label';

export const PreviewCancellationInput = z.object({
  userId: z.uuid(),
  reservationId: z.string(),
  seatIds: z.array(z.uuid()).max(50).optional(),
  locale: z.enum(['ko', 'en']).default('ko'),
});
export type PreviewCancellationInput = z.input<typeof PreviewCancellationInput>;

export type CancellationPreview = {
  reservationId: string;
  seats: { id: string; seat: SeatLabelParts; priceKrw: number }[];
  allowed: boolean;
  closesAt: string;
  daysBeforeShow: number;
  rule: 'free' | 'flat' | 'percent' | null;
  percent: number | null;
  ticketsKrw: number;
  feeKrw: number;
  bookingFeeKrw: number;
  bookingFeeRefundKrw: number;
  refundKrw: number;
  /** A virtual-account payment goes back to a bank account the fan names when confirming. */
  refundAccountRequired: boolean;
  policy: string[];
};

export async function previewCancellation(db: Db, input: PreviewCancellationInput, now: Date): Promise<CancellationPreview> {
  const { userId, reservationId, seatIds, locale } = PreviewCancellationInput.parse(input);
  const booking = await loadPaidBooking(db, { reservationId, userId });
  const { items, quote } = quoteBookingCancellation(booking, seatIds, now);
  const amounts = quote.allowed
    ? { rule: quote.rule, percent: quote.percent, ticketsKrw: quote.ticketsKrw, feeKrw: quote.feeKrw, bookingFeeKrw: quote.bookingFeeKrw, bookingFeeRefundKrw: quote.bookingFeeRefundKrw, refundKrw: quote.refundKrw }
    : { rule: null, percent: null, ticketsKrw: items.reduce((s, i) => s + i.priceKrw, 0), feeKrw: 0, bookingFeeKrw: 0, bookingFeeRefundKrw: 0, refundKrw: 0 };
  return {
    reservationId: booking.reservationId,
    seats: items.map((item) => ({ id: item.seatId, seat: item.seat, priceKrw: item.priceKrw })),
    allowed: quote.allowed,
    closesAt: quote.closesAt.toISOString(),
    daysBeforeShow: quote.daysBeforeShow,
    ...amounts,
    refundAccountRequired: booking.payment.method === 'VIRTUAL_ACCOUNT',
    policy: describeCancellationPolicy(booking.policy, booking.showStartsAt, locale).lines,
  };
}
