// The fee and refund of cancelling some (or all remaining) seats of a paid booking now. Shared by
// the preview the fan reads and the cancel that charges exactly what the preview showed. A show
// the organiser called off costs nothing to cancel, at any time: that is how a fan who paid by
// virtual account, whom the organiser's automatic refund cannot reach without a bank account,
// gets everything back (booking fee included), as the others did.
import { AppError } from '../errors/app-error';
import { computeCancellationFee, type CancellationQuote } from './compute-cancellation-fee';
import type { PaidBooking } from './load-paid-booking';

export type BookingCancellationQuote = { items: PaidBooking['items']; quote: CancellationQuote };

export function quoteBookingCancellation(booking: PaidBooking, seatIds: string[] | undefined, now: Date): BookingCancellationQuote {
  const live = booking.items.filter((item) => item.live);
  const items = seatIds?.length ? live.filter((item) => seatIds.includes(item.seatId)) : live;
  if (seatIds?.length && items.length !== new Set(seatIds).size) {
    throw new AppError('validation_failed', 'seatIds: every seat must be a seat of this booking that is not cancelled yet', { field: 'seatIds' });
  }
  if (items.length === 0) throw new AppError('conflict', 'Every seat of this booking is already cancelled', { reason: 'nothing_to_cancel' });
  if (booking.performanceCancelled) return { items, quote: fullRefund(booking, items, now) };
  const quote = computeCancellationFee({
    policy: booking.policy,
    bookedAt: booking.bookedAt,
    showStartsAt: booking.showStartsAt,
    now,
    tickets: items.map((item) => ({ priceKrw: item.priceKrw, bookingFeeKrw: booking.bookingFeePerTicketKrw })),
  });
  return { items, quote };
}

/** As the organiser's own refund gives it: every remaining seat takes back all that is still paid. */
function fullRefund(booking: PaidBooking, items: PaidBooking['items'], now: Date): CancellationQuote {
  const ticketsKrw = items.reduce((sum, item) => sum + item.priceKrw, 0);
  const bookingFeeKrw = items.length * booking.bookingFeePerTicketKrw;
  const everySeatLeft = items.length === booking.items.filter((item) => item.live).length;
  const refundKrw = everySeatLeft ? booking.payment.amountKrw - booking.payment.cancelledKrw : ticketsKrw + bookingFeeKrw;
  return {
    allowed: true,
    rule: 'free',
    percent: null,
    daysBeforeShow: Math.max(0, Math.ceil((booking.showStartsAt.getTime() - now.getTime()) / 86_400_000)),
    ticketsKrw,
    feeKrw: 0,
    bookingFeeKrw,
    bookingFeeRefundKrw: refundKrw - ticketsKrw,
    refundKrw,
    closesAt: booking.showStartsAt,
  };
}
