// The shape of a reservation the API returns: no Prisma types leave lib/.
import type { Db } from '../db/create-prisma';
import { formatSeatLabel } from '../i18n/format-seat-label';

export type ReservationView = {
  id: string;
  performanceId: string;
  status: 'PENDING' | 'AWAITING_DEPOSIT' | 'CONFIRMED' | 'CANCELLED' | 'EXPIRED' | 'REFUNDED';
  totalKrw: number;
  paymentDeadline: string;
  createdAt: string;
  /** The venue's IANA zone: the deadline and booking time are shown on its clock. */
  timeZone: string;
  // `label` is the Korean form; pages format `section`/`row`/`number` in the reader's language.
  seats: { id: string; ordinal: number; label: string; section: string; row: string; number: number; grade: string; priceKrw: number }[];
};

export const RESERVATION_INCLUDE = {
  performance: { select: { hall: { select: { venue: { select: { timeZone: true } } } } } },
  items: { include: { seat: { include: { section: { select: { name: true } } } } }, orderBy: { seat: { ordinal: 'asc' } } },
} as const;

type ReservationRow = NonNullable<Awaited<ReturnType<Db['reservation']['findFirst']>>> & {
  performance: { hall: { venue: { timeZone: string } } };
  items: { seatId: string; grade: string; priceKrw: number; seat: { ordinal: number; rowLabel: string; number: number; section: { name: string } } }[];
};

export function toReservationView(row: ReservationRow): ReservationView {
  return {
    id: row.id,
    performanceId: row.performanceId,
    status: row.status,
    totalKrw: row.totalKrw,
    paymentDeadline: row.paymentDeadline.toISOString(),
    createdAt: row.createdAt.toISOString(),
    timeZone: row.performance.hall.venue.timeZone,
    seats: row.items.map((item) => ({
      id: item.seatId,
      ordinal: item.seat.ordinal,
      label: formatSeatLabel({ section: item.seat.section.name, row: item.seat.rowLabel, number: item.seat.number }, 'ko'),
      section: item.seat.section.name,
      row: item.seat.rowLabel,
      number: item.seat.number,
      grade: item.grade,
      priceKrw: item.priceKrw,
    })),
  };
}
