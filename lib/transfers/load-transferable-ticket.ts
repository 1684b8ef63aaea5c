// The facts assertTicketTransferable judges, read for one ticket (inside a transaction when given one).
import type { Db, Prisma } from '../db/create-prisma';
import type { TransferableTicket } from './assert-ticket-transferable';

export async function loadTransferableTicket(db: Db | Prisma.TransactionClient, ticketId: string): Promise<(TransferableTicket & { performanceId: string }) | null> {
  const ticket = await db.ticket.findUnique({
    where: { id: ticketId },
    select: { ownerId: true, status: true, transferCount: true, performanceId: true, performance: { select: { startsAt: true, event: { select: { transfersEnabled: true } } } } },
  });
  if (!ticket) return null;
  return {
    ownerId: ticket.ownerId,
    status: ticket.status,
    transferCount: ticket.transferCount,
    performanceId: ticket.performanceId,
    startsAt: ticket.performance.startsAt,
    transfersEnabled: ticket.performance.event.transfersEnabled,
  };
}
