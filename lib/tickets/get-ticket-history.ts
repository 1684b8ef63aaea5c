// Admin: one ticket's whole life, oldest first — issued to its buyer, every transfer offer and how
// it ended, each code revoked (transfer, refund, cancellation) and the check-in at the door —
// derived from tickets, ticket_transfers, ticket_revocations and check_ins, so it can never
// disagree with them.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';

type Person = { id: string; name: string | null; email: string | null };

export type TicketHistoryEntry =
  | { kind: 'issued'; at: string; to: Person }
  | { kind: 'transfer_offered'; at: string; transferId: string; from: Person; to: Person | null; toEmail: string; expiresAt: string }
  | { kind: 'transfer_accepted' | 'transfer_declined' | 'transfer_withdrawn' | 'transfer_expired'; at: string; transferId: string; from: Person; to: Person | null }
  | { kind: 'code_revoked'; at: string; reason: 'TRANSFERRED' | 'REFUNDED' | 'CANCELLED'; codeTail: string }
  | { kind: 'checked_in'; at: string; gate: string; deviceId: string; offline: boolean };

export type TicketHistory = {
  ticket: {
    id: string;
    status: string;
    transferCount: number;
    owner: Person;
    eventTitle: string;
    performanceId: string;
    startsAt: string;
    timeZone: string;
    seat: { section: string; row: string; number: number; grade: string };
    reservationId: string;
  };
  entries: TicketHistoryEntry[];
};

const PERSON = { select: { id: true, name: true, email: true } } as const;
const ENDED = { ACCEPTED: 'transfer_accepted', DECLINED: 'transfer_declined', CANCELLED: 'transfer_withdrawn', EXPIRED: 'transfer_expired' } as const;
// Enough of a revoked code to match a scanner's report, not enough to forge a QR from the page.
const CODE_TAIL = 6;

export async function getTicketHistory(db: Db, ticketId: string): Promise<TicketHistory> {
  if (!z.uuid().safeParse(ticketId).success) throw notFound('Ticket');
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    include: {
      owner: PERSON,
      seat: { select: { rowLabel: true, number: true, grade: true, section: { select: { name: true } } } },
      performance: { select: { startsAt: true, event: { select: { title: true } }, hall: { select: { venue: { select: { timeZone: true } } } } } },
      reservationItem: { select: { reservation: { select: { id: true, user: PERSON } } } },
      transfers: { include: { fromUser: PERSON, toUser: PERSON } },
      revocations: true,
      checkIn: true,
    },
  });
  if (!ticket) throw notFound('Ticket');

  const entries: TicketHistoryEntry[] = [{ kind: 'issued', at: ticket.issuedAt.toISOString(), to: ticket.reservationItem.reservation.user }];
  for (const t of ticket.transfers) {
    entries.push({ kind: 'transfer_offered', at: t.createdAt.toISOString(), transferId: t.id, from: t.fromUser, to: t.toUser, toEmail: t.toEmail, expiresAt: t.expiresAt.toISOString() });
    if (t.status !== 'PENDING' && t.respondedAt) entries.push({ kind: ENDED[t.status], at: t.respondedAt.toISOString(), transferId: t.id, from: t.fromUser, to: t.toUser });
  }
  for (const r of ticket.revocations) entries.push({ kind: 'code_revoked', at: r.revokedAt.toISOString(), reason: r.reason, codeTail: r.code.slice(-CODE_TAIL) });
  if (ticket.checkIn) {
    const c = ticket.checkIn;
    entries.push({ kind: 'checked_in', at: c.scannedAt.toISOString(), gate: c.gate, deviceId: c.deviceId, offline: c.offline });
  }
  // Stable for equal instants (an acceptance and its revocation share one): the order they were pushed in.
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  return {
    ticket: {
      id: ticket.id,
      status: ticket.status,
      transferCount: ticket.transferCount,
      owner: ticket.owner,
      eventTitle: ticket.performance.event.title,
      performanceId: ticket.performanceId,
      startsAt: ticket.performance.startsAt.toISOString(),
      timeZone: ticket.performance.hall.venue.timeZone,
      seat: { section: ticket.seat.section.name, row: ticket.seat.rowLabel, number: ticket.seat.number, grade: ticket.seat.grade },
      reservationId: ticket.reservationItem.reservation.id,
    },
    entries,
  };
}
