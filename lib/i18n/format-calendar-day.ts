import type { Locale } from './locales';

/** A day of the venue's calendar (no instant, no weekday): ko `3월 20일`, en `2027-03-20`. */
export function formatCalendarDay(date: { year: number; month: number; day: number }, locale: Locale): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return locale === 'ko' ? `${date.month}월 ${date.day}일` : `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
