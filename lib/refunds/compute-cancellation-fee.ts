// The fee and refund of cancelling some tickets of a booking at instant `now`, under the policy
// snapshotted at purchase. Pure: the clock is an argument, so every boundary is testable with
// explicit instants and the answer never depends on when the code runs.
import type { CancellationPolicy } from './cancellation-policy';
import { addDays, daysBetween, fromLocal, weekdayOf } from './venue-calendar';
import { getZonedParts } from '../i18n/get-zoned-parts';

export type CancellationFeeInput = {
  policy: CancellationPolicy;
  /** When the booking was paid for: starts the free window and names the booking day. */
  bookedAt: Date;
  showStartsAt: Date;
  now: Date;
  /** The tickets being cancelled, each with its price and its share of the booking fee. */
  tickets: { priceKrw: number; bookingFeeKrw: number }[];
};

export type CancellationRule = 'free' | 'flat' | 'percent';

export type CancellationQuote =
  | {
      allowed: true;
      rule: CancellationRule;
      /** Set when `rule` is percent. */
      percent: number | null;
      daysBeforeShow: number;
      ticketsKrw: number;
      feeKrw: number;
      bookingFeeKrw: number;
      bookingFeeRefundKrw: number;
      refundKrw: number;
      closesAt: Date;
    }
  | { allowed: false; reason: 'closed'; daysBeforeShow: number; closesAt: Date };

/** The last instant a booking for this show may be cancelled: the cut-off on the day before. */
export function cancellationClosesAt(policy: CancellationPolicy, showStartsAt: Date): Date {
  const showDay = getZonedParts(showStartsAt, policy.timeZone);
  const dayBefore = addDays(showDay, -1);
  const time = weekdayOf(dayBefore) === 6 ? policy.saturdayCutoffTime : policy.cutoffTime;
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return fromLocal(dayBefore, hour, minute, policy.timeZone);
}

export function computeCancellationFee(input: CancellationFeeInput): CancellationQuote {
  const { policy, tickets } = input;
  const today = getZonedParts(input.now, policy.timeZone);
  const daysBeforeShow = daysBetween(today, getZonedParts(input.showStartsAt, policy.timeZone));
  const closesAt = cancellationClosesAt(policy, input.showStartsAt);
  if (input.now.getTime() >= closesAt.getTime()) return { allowed: false, reason: 'closed', daysBeforeShow, closesAt };

  const daysSinceBooking = daysBetween(getZonedParts(input.bookedAt, policy.timeZone), today);
  const farFromShow = daysBeforeShow >= policy.flatFeeFromDaysBefore;
  let rule: CancellationRule;
  let tierPercent: number | null = null;
  if (farFromShow && daysSinceBooking < policy.freeDaysAfterBooking) rule = 'free';
  else if (farFromShow) rule = 'flat';
  else {
    rule = 'percent';
    // The nearest tier that still reaches this day: with 9/6/2 tiers, 5 days out is the 6-day tier.
    const fitting = policy.tiers.filter((t) => t.withinDays >= daysBeforeShow).sort((a, b) => a.withinDays - b.withinDays);
    tierPercent = fitting[0]!.percent;
  }

  const feeOf = (priceKrw: number): number => {
    if (rule === 'free') return 0;
    // Fees round down to the won, in the fan's favour.
    if (rule === 'flat') return Math.min(policy.flatFeeKrw, Math.floor((priceKrw * policy.flatFeeMaxPercent) / 100));
    return Math.floor((priceKrw * tierPercent!) / 100);
  };
  const ticketsKrw = tickets.reduce((sum, t) => sum + t.priceKrw, 0);
  const feeKrw = tickets.reduce((sum, t) => sum + feeOf(t.priceKrw), 0);
  const bookingFeeKrw = tickets.reduce((sum, t) => sum + t.bookingFeeKrw, 0);
  const bookingFeeRefundKrw = policy.refundBookingFeeOnBookingDay && daysSinceBooking === 0 ? bookingFeeKrw : 0;
  return {
    allowed: true,
    rule,
    percent: tierPercent,
    daysBeforeShow,
    ticketsKrw,
    feeKrw,
    bookingFeeKrw,
    bookingFeeRefundKrw,
    refundKrw: ticketsKrw - feeKrw + bookingFeeRefundKrw,
    closesAt,
  };
}
