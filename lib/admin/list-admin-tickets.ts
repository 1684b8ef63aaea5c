// The admin tickets list: search by ticket id or the holder's email, filter by state and event,
// newest first. Each row links to the ticket's own page (its check-ins, scans and transfers).
import { z } from 'zod';
import type { Db, Prisma } from '../db/create-prisma';
import type { SeatLabelParts } from '../i18n/format-seat-label';
import { PageQuery, SearchText, type Paged } from './page-query';

const TICKET_STATES = ['ISSUED', 'USED', 'CANCELLED', 'REFUNDED'] as const;

export const ListAdminTicketsInput = PageQuery.extend({
  q: SearchText,
  status: z.enum(TICKET_STATES).optional(),
  eventId: z.uuid().optional(),
});
export type ListAdminTicketsInput = z.input<typeof ListAdminTicketsInput>;

export type AdminTicketRow = {
  id: string;
  status: (typeof TICKET_STATES)[number];
  seat: SeatLabelParts;
  grade: string;
  ownerEmail: string | null;
  eventTitle: string;
  performanceStartsAt: string;
  timeZone: string;
  issuedAt: string;
  usedAt: string | null;
  transferCount: number;
};

export async function listAdminTickets(db: Db, input: ListAdminTicketsInput): Promise<Paged<AdminTicketRow>> {
  const { q, status, eventId, page, pageSize } = ListAdminTicketsInput.parse(input);
  const where: Prisma.TicketWhereInput = {
    ...(q ? (z.uuid().safeParse(q).success ? { id: q } : { owner: { email: { contains: q, mode: 'insensitive' } } }) : {}),
    ...(status ? { status } : {}),
    ...(eventId ? { performance: { eventId } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.ticket.findMany({
      where,
      orderBy: [{ issuedAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        status: true,
        issuedAt: true,
        usedAt: true,
        transferCount: true,
        owner: { select: { email: true } },
        seat: { select: { rowLabel: true, number: true, grade: true, section: { select: { name: true } } } },
        performance: { select: { startsAt: true, event: { select: { title: true } }, hall: { select: { venue: { select: { timeZone: true } } } } } },
      },
    }),
    db.ticket.count({ where }),
  ]);
  return {
    total,
    page,
    pageSize,
    rows: rows.map((t) => ({
      id: t.id,
      status: t.status,
      seat: { section: t.seat.section.name, row: t.seat.rowLabel, number: t.seat.number },
      grade: t.seat.grade,
      ownerEmail: t.owner.email,
      eventTitle: t.performance.event.title,
      performanceStartsAt: t.performance.startsAt.toISOString(),
      timeZone: t.performance.hall.venue.timeZone,
      issuedAt: t.issuedAt.toISOString(),
      usedAt: t.usedAt?.toISOString() ?? null,
      transferCount: t.transferCount,
    })),
  };
}
