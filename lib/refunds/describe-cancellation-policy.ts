// The cancellation policy in words, with the concrete dates of one show, for the checkout page
// and the cancellation preview. The dates are the venue's calendar dates.
import type { CancellationPolicy } from './cancellation-policy';
import { cancellationClosesAt } from './compute-cancellation-fee';
import { addDays, type LocalDate } from './venue-calendar';
import { formatKrw } from '../i18n/format-krw';
import { getZonedParts } from '../i18n/get-zoned-parts';

export type CancellationPolicyDescription = { lines: string[] };

type Locale = 'ko' | 'en';

const day = (date: LocalDate, locale: Locale) =>
  locale === 'ko' ? `${date.month}월 ${date.day}일` : `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;

export function describeCancellationPolicy(policy: CancellationPolicy, showStartsAt: Date, locale: Locale = 'ko'): CancellationPolicyDescription {
  const showDay = getZonedParts(showStartsAt, policy.timeZone);
  const closes = getZonedParts(cancellationClosesAt(policy, showStartsAt), policy.timeZone);
  const closesText = `${day(closes, locale)} ${String(closes.hour).padStart(2, '0')}:${String(closes.minute).padStart(2, '0')}`;
  const lastFlatDay = addDays(showDay, -policy.flatFeeFromDaysBefore);
  const ko = locale === 'ko';
  const lines: string[] = [];

  if (policy.freeDaysAfterBooking > 0) {
    lines.push(
      ko
        ? `예매 후 ${policy.freeDaysAfterBooking}일 이내(예매일 포함) ${day(lastFlatDay, locale)}까지 취소: 수수료 없음`
        : `Cancel within ${policy.freeDaysAfterBooking} days of booking (the booking day included), until ${day(lastFlatDay, locale)}: free`,
    );
  }
  lines.push(
    ko
      ? `${day(lastFlatDay, locale)}까지: 장당 ${formatKrw(policy.flatFeeKrw, locale)} (티켓 금액의 ${policy.flatFeeMaxPercent}% 이내)`
      : `Until ${day(lastFlatDay, locale)}: ${formatKrw(policy.flatFeeKrw, locale)} per ticket (at most ${policy.flatFeeMaxPercent}% of its price)`,
  );
  const tiers = [...policy.tiers].sort((a, b) => b.withinDays - a.withinDays);
  tiers.forEach((tier, index) => {
    const nearest = index + 1 < tiers.length ? tiers[index + 1]!.withinDays + 1 : 1;
    const from = day(addDays(showDay, -Math.min(tier.withinDays, policy.flatFeeFromDaysBefore - 1)), locale);
    const until = nearest === 1 ? closesText : day(addDays(showDay, -nearest), locale);
    lines.push(ko ? `${from} ~ ${until}: 티켓 금액의 ${tier.percent}%` : `${from} to ${until}: ${tier.percent}% of the ticket price`);
  });
  lines.push(ko ? `취소 마감: ${closesText} (공연 당일 취소 불가)` : `Cancellation closes ${closesText}; no cancellation on the show day`);
  if (policy.refundBookingFeeOnBookingDay) {
    lines.push(ko ? '예매수수료는 예매 당일 자정 전 취소 시에만 환불됩니다' : 'The booking fee is refunded only when you cancel on the booking day, before midnight');
  } else {
    lines.push(ko ? '예매수수료는 환불되지 않습니다' : 'The booking fee is not refunded');
  }
  return { lines };
}
