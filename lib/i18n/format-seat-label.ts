import type { Locale } from './locales';

export type SeatLabelParts = { section: string; row: string; number: number | string };

/** ko `Floor B 1열 9번`, en `Floor B, row 1, seat 9`; the section name is data and stays as entered. */
export function formatSeatLabel(seat: SeatLabelParts, locale: Locale): string {
  return locale === 'ko' ? `${seat.section} ${seat.row}열 ${seat.number}번` : `${seat.section}, row ${seat.row}, seat ${seat.number}`;
}
