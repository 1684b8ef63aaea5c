import { formatDateTime, type DateTimeStyle } from './format-date-time';
import { formatKrw } from './format-krw';
import { formatSeatLabel, type SeatLabelParts } from './format-seat-label';
import type { Locale } from './locales';

export type Format = ReturnType<typeof createFormat>;

/** The formatters of one language, bound once per request (server) or per render (client). */
export function createFormat(locale: Locale) {
  const numbers = new Intl.NumberFormat(locale === 'ko' ? 'ko-KR' : 'en-US');
  return {
    locale,
    dateTime: (instant: Date | string, timeZone: string, style?: DateTimeStyle) => formatDateTime(instant, locale, timeZone, style),
    krw: (amount: number) => formatKrw(amount, locale),
    number: (value: number) => numbers.format(value),
    seat: (seat: SeatLabelParts) => formatSeatLabel(seat, locale),
  };
}
