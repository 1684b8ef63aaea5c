// Reads tickets of one holder with everything their page shows, oldest show first.
import type { Db } from '../db/create-prisma';
import { shortTicketIdOf } from './ticket-qr-layout';
import type { TicketView } from './ticket-view';

const SELECT = {
  id: true,
  code: true,
  status: true,
  issuedAt: true,
  usedAt: true,
  performanceId: true,
  owner: { select: { name: true, email: true } },
  seat: { select: { rowLabel: true, number: true, grade: true, section: { select: { name: true, gate: true } } } },
  performance: {
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      event: { select: { title: true, slug: true, transfersEnabled: true } },
      hall: { select: { name: true, venue: { select: { name: true, timeZone: true } } } },
    },
  },
} as const;

export type LoadedTicket = { view: TicketView; code: string };

export async function loadTicketViews(db: Db, where: { ownerId: string; id?: string }): Promise<LoadedTicket[]> {
  const rows = await db.ticket.findMany({ where, select: SELECT, orderBy: [{ performance: { startsAt: 'asc' } }, { issuedAt: 'asc' }] });
  return rows.map((t) => ({
    code: t.code,
    view: {
      id: t.id,
      shortId: shortTicketIdOf(t.id),
      status: t.status,
      issuedAt: t.issuedAt.toISOString(),
      usedAt: t.usedAt?.toISOString() ?? null,
      event: t.performance.event,
      performance: {
        id: t.performance.id,
        startsAt: t.performance.startsAt.toISOString(),
        endsAt: t.performance.endsAt?.toISOString() ?? null,
        timeZone: t.performance.hall.venue.timeZone,
        venueName: t.performance.hall.venue.name,
        hallName: t.performance.hall.name,
      },
      seat: { section: t.seat.section.name, row: t.seat.rowLabel, number: t.seat.number, grade: t.seat.grade },
      gate: t.seat.section.gate,
      holderName: t.owner.name ?? t.owner.email ?? '',
    },
  }));
}
