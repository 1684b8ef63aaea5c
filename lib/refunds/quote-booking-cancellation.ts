// The fee and refund of cancelling some (or all remaining) seats of a paid booking now. Shared by
// the preview the fan reads and the cancel that charges exactly what the preview showed.
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
  const quote = computeCancellationFee({
    policy: booking.policy,
    bookedAt: booking.bookedAt,
    showStartsAt: booking.showStartsAt,
    now,
    tickets: items.map((item) => ({ priceKrw: item.priceKrw, bookingFeeKrw: booking.bookingFeePerTicketKrw })),
  });
  return { items, quote };
}
