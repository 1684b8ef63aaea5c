// The shape of a reservation the API returns: no Prisma types leave lib/.
import type { Db } from '../db/create-prisma';

export type ReservationView = {
  id: string;
  performanceId: string;
  status: 'PENDING' | 'AWAITING_DEPOSIT' | 'CONFIRMED' | 'CANCELLED' | 'EXPIRED' | 'REFUNDED';
  totalKrw: number;
  paymentDeadline: string;
  createdAt: string;
  seats: { id: string; ordinal: number; label: string; grade: string; priceKrw: number }[];
};

export const RESERVATION_INCLUDE = {
  items: { include: { seat: { include: { section: { select: { name: true } } } } }, orderBy: { seat: { ordinal: 'asc' } } },
} as const;

type ReservationRow = NonNullable<Awaited<ReturnType<Db['reservation']['findFirst']>>> & {
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
    seats: row.items.map((item) => ({
      id: item.seatId,
      ordinal: item.seat.ordinal,
      label: `${item.seat.section.name} ${item.seat.rowLabel}열 ${item.seat.number}번`,
      grade: item.grade,
      priceKrw: item.priceKrw,
    })),
  };
}
