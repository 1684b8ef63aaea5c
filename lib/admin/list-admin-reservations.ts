// The admin reservations list: search by reservation id or the buyer's email, filter by state,
// event and creation day range, newest first.
import { z } from 'zod';
import type { Db, Prisma } from '../db/create-prisma';
import { PageQuery, SearchText, type Paged } from './page-query';

const RESERVATION_STATES = ['PENDING', 'AWAITING_DEPOSIT', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'REFUNDED'] as const;

export const ListAdminReservationsInput = PageQuery.extend({
  q: SearchText,
  status: z.enum(RESERVATION_STATES).optional(),
  eventId: z.uuid().optional(),
  /** Created at or after (ISO instant). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Created before (ISO instant). */
  until: z.iso.datetime({ offset: true }).optional(),
});
export type ListAdminReservationsInput = z.input<typeof ListAdminReservationsInput>;

export type AdminReservationRow = {
  id: string;
  status: (typeof RESERVATION_STATES)[number];
  totalKrw: number;
  bookingFeeKrw: number | null;
  seats: number;
  createdAt: string;
  confirmedAt: string | null;
  userEmail: string | null;
  eventTitle: string;
  performanceStartsAt: string;
  timeZone: string;
};

export async function listAdminReservations(db: Db, input: ListAdminReservationsInput): Promise<Paged<AdminReservationRow>> {
  const { q, status, eventId, from, until, page, pageSize } = ListAdminReservationsInput.parse(input);
  const where: Prisma.ReservationWhereInput = {
    ...(q ? (z.uuid().safeParse(q).success ? { id: q } : { user: { email: { contains: q, mode: 'insensitive' } } }) : {}),
    ...(status ? { status } : {}),
    ...(eventId ? { performance: { eventId } } : {}),
    ...(from || until ? { createdAt: { ...(from ? { gte: new Date(from) } : {}), ...(until ? { lt: new Date(until) } : {}) } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.reservation.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        totalKrw: true,
        bookingFeeKrw: true,
        createdAt: true,
        confirmedAt: true,
        user: { select: { email: true } },
        performance: { select: { startsAt: true, event: { select: { title: true } }, hall: { select: { venue: { select: { timeZone: true } } } } } },
        _count: { select: { items: true } },
      },
    }),
    db.reservation.count({ where }),
  ]);
  return {
    total,
    page,
    pageSize,
    rows: rows.map((r) => ({
      id: r.id,
      status: r.status,
      totalKrw: r.totalKrw,
      bookingFeeKrw: r.bookingFeeKrw,
      seats: r._count.items,
      createdAt: r.createdAt.toISOString(),
      confirmedAt: r.confirmedAt?.toISOString() ?? null,
      userEmail: r.user.email,
      eventTitle: r.performance.event.title,
      performanceStartsAt: r.performance.startsAt.toISOString(),
      timeZone: r.performance.hall.venue.timeZone,
    })),
  };
}
