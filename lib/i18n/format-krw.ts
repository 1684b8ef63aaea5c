import type { Locale } from './locales';

/** Integer won as readers expect it: ko `55,000원`, en `₩55,000`. */
export function formatKrw(amount: number, locale: Locale): string {
  const digits = Math.abs(Math.trunc(amount)).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = amount < 0 ? '-' : '';
  return locale === 'ko' ? `${sign}${digits}원` : `${sign}₩${digits}`;
}
