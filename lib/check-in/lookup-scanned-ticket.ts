// The ticket behind a scanned code, current or revoked: a code that a transfer replaced still
// finds its ticket through the revocation list, so the door can say "transferred", not "unknown".
import type { Db, Prisma } from '../db/create-prisma';
import { shortTicketIdOf } from '../tickets/ticket-qr-layout';
import type { ScannedTicket, TicketFacts } from './scan-outcome';

export type ScannedTicketRecord = TicketFacts & { ticket: ScannedTicket };

type Row = {
  id: string;
  performance_id: string;
  status: TicketFacts['status'];
  revoked: TicketFacts['revokedReason'];
  section: string;
  row_label: string;
  number: number;
  grade: string;
  gate: string | null;
  holder: string | null;
};

export async function lookupScannedTicket(db: Db | Prisma.TransactionClient, by: { code: string } | { ticketId: string }): Promise<ScannedTicketRecord | null> {
  const rows =
    'code' in by
      ? await db.$queryRaw<Row[]>`
          WITH revoked AS (SELECT ticket_id, reason FROM ticket.ticket_revocations WHERE code = ${by.code})
          SELECT t.id, t.performance_id, t.status::text AS status, (SELECT reason::text FROM revoked) AS revoked,
                 sec.name AS section, s.row_label, s.number, s.grade, sec.gate, u.name AS holder
            FROM ticket.tickets t
            JOIN ticket.seats s ON s.id = t.seat_id
            JOIN ticket.sections sec ON sec.id = s.section_id
            JOIN auth.users u ON u.id = t.owner_id
           WHERE t.id = COALESCE((SELECT ticket_id FROM revoked), (SELECT id FROM ticket.tickets WHERE code = ${by.code}))`
      : await db.$queryRaw<Row[]>`
          SELECT t.id, t.performance_id, t.status::text AS status, NULL AS revoked,
                 sec.name AS section, s.row_label, s.number, s.grade, sec.gate, u.name AS holder
            FROM ticket.tickets t
            JOIN ticket.seats s ON s.id = t.seat_id
            JOIN ticket.sections sec ON sec.id = s.section_id
            JOIN auth.users u ON u.id = t.owner_id
           WHERE t.id = ${by.ticketId}::uuid`;
  const row = rows[0];
  if (!row) return null;
  return {
    performanceId: row.performance_id,
    status: row.status,
    revokedReason: row.revoked,
    ticket: {
      id: row.id,
      shortId: shortTicketIdOf(row.id),
      section: row.section,
      row: row.row_label,
      number: row.number,
      grade: row.grade,
      gate: row.gate,
      holderName: row.holder ?? '',
    },
  };
}
