// The cancellation policy in words, with the concrete dates of one show, for the checkout page
// and the cancellation preview. The dates are the venue's calendar dates; the words come from the
// `cancellationPolicy` catalog namespace.
import { formatCalendarDay } from '../i18n/format-calendar-day';
import { formatKrw } from '../i18n/format-krw';
import { getTranslator } from '../i18n/get-translator';
import type { Locale } from '../i18n/locales';
import type { CancellationPolicy } from './cancellation-policy';
import { cancellationClosesAt } from './compute-cancellation-fee';
import { addDays, type LocalDate } from './venue-calendar';
import { getZonedParts } from '../i18n/get-zoned-parts';

export type CancellationPolicyDescription = { lines: string[] };

const pad = (n: number) => String(n).padStart(2, '0');

export function describeCancellationPolicy(policy: CancellationPolicy, showStartsAt: Date, locale: Locale = 'ko'): CancellationPolicyDescription {
  const t = getTranslator(locale, 'cancellationPolicy');
  const day = (date: LocalDate) => formatCalendarDay(date, locale);
  const showDay = getZonedParts(showStartsAt, policy.timeZone);
  const closes = getZonedParts(cancellationClosesAt(policy, showStartsAt), policy.timeZone);
  const closesText = t('dayTime', { day: day(closes), hour: pad(closes.hour), minute: pad(closes.minute) });
  const lastFlatDay = addDays(showDay, -policy.flatFeeFromDaysBefore);
  const lines: string[] = [];

  if (policy.freeDaysAfterBooking > 0) lines.push(t('freeWithin', { days: String(policy.freeDaysAfterBooking), until: day(lastFlatDay) }));
  lines.push(t('flatFee', { until: day(lastFlatDay), fee: formatKrw(policy.flatFeeKrw, locale), percent: String(policy.flatFeeMaxPercent) }));
  const tiers = [...policy.tiers].sort((a, b) => b.withinDays - a.withinDays);
  tiers.forEach((tier, index) => {
    const nearest = index + 1 < tiers.length ? tiers[index + 1]!.withinDays + 1 : 1;
    const from = day(addDays(showDay, -Math.min(tier.withinDays, policy.flatFeeFromDaysBefore - 1)));
    const until = nearest === 1 ? closesText : day(addDays(showDay, -nearest));
    lines.push(t('tier', { from, until, percent: String(tier.percent) }));
  });
  lines.push(t('closes', { closes: closesText }));
  lines.push(policy.refundBookingFeeOnBookingDay ? t('bookingFeeOnBookingDay') : t('bookingFeeKept'));
  return { lines };
}
