// Refunded seats and cancelled performances void their tickets in the transaction that refunds or
// cancels: the status changes and the codes go on the revocation list together, so a scanner
// refuses them from that commit on (online at once, offline at its next list refresh).
import { Prisma } from '../db/generated/client';
import { revokeTicketCode } from './revoke-ticket-code';

export type VoidedTickets = { reservationItemIds: string[] } | { performanceId: string };

export async function voidTickets(tx: Prisma.TransactionClient, which: VoidedTickets, status: 'REFUNDED' | 'CANCELLED', now: Date): Promise<number> {
  const match =
    'performanceId' in which ? Prisma.sql`performance_id = ${which.performanceId}::uuid` : Prisma.sql`reservation_item_id = ANY(${which.reservationItemIds}::uuid[])`;
  // Locked, so a transfer cannot rotate a code between this read and its revocation.
  const rows = await tx.$queryRaw<{ id: string; code: string; performance_id: string }[]>`
    SELECT id, code, performance_id FROM ticket.tickets WHERE ${match} AND status IN ('ISSUED', 'USED') FOR UPDATE`;
  if (rows.length === 0) return 0;
  await tx.ticket.updateMany({ where: { id: { in: rows.map((t) => t.id) } }, data: { status } });
  await revokeTicketCode(tx, rows.map((t) => ({ id: t.id, code: t.code, performanceId: t.performance_id })), status, now);
  return rows.length;
}
