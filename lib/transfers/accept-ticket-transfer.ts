// The recipient accepts an offer: in one transaction the ticket moves to them with a new code,
// the old code goes on the revocation list (scanners refuse it at once), the count of transfers
// grows, the offer is ACCEPTED and `transfer.completed` enters the outbox.
// Races are settled by the writes, not by the reads before them: the ticket row is locked first
// (the order every transfer write takes: ticket, then offer), the offer moves only from PENDING
// (two accepts, or an accept and a withdraw: one wins) and the ticket only while the sender still
// holds it, ISSUED, under the limit and before the cutoff.
import { z } from 'zod';
import type { Db, Prisma } from '../db/create-prisma';
import { AppError, notFound } from '../errors/app-error';
import { appendEvent } from '../events/append-event';
import { newTicketCode } from '../tickets/new-ticket-code';
import { revokeTicketCode } from '../tickets/revoke-ticket-code';
import { assertTicketTransferable } from './assert-ticket-transferable';
import { assertTransferOpen } from './assert-transfer-open';
import { loadTransferableTicket } from './load-transferable-ticket';
import { HOUR_MS, type TransferLimits } from './transfer-limits';

export type AcceptedTransfer = { transferId: string; ticketId: string };


export async function acceptTicketTransfer(deps: { db: Db; now: Date }, limits: TransferLimits, userId: string, transferId: string): Promise<AcceptedTransfer> {
  const { db, now } = deps;
  if (!z.uuid().safeParse(transferId).success) throw notFound('Transfer');
  const transfer = await db.ticketTransfer.findUnique({ where: { id: transferId }, select: { ticketId: true, fromUserId: true, toUserId: true, status: true, expiresAt: true } });
  assertTransferOpen(transfer, { userId, role: 'recipient' }, now);
  const { ticketId, fromUserId } = transfer;

  return db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<{ code: string; performance_id: string }[]>`
      SELECT code, performance_id FROM ticket.tickets WHERE id = ${ticketId}::uuid FOR UPDATE`;
    if (!locked) throw notFound('Ticket');
    const answered = await tx.$executeRaw`
      UPDATE ticket.ticket_transfers SET status = 'ACCEPTED', responded_at = ${now}
       WHERE id = ${transferId}::uuid AND to_user_id = ${userId}::uuid AND status = 'PENDING' AND expires_at > ${now}`;
    if (answered === 0) {
      assertTransferOpen(await tx.ticketTransfer.findUnique({ where: { id: transferId } }), { userId, role: 'recipient' }, now);
      throw new AppError('conflict', 'transferId: the offer changed; reload and try again', { field: 'transferId' });
    }
    const code = newTicketCode();
    const moved = await tx.$executeRaw`
      UPDATE ticket.tickets t SET owner_id = ${userId}::uuid, code = ${code}, transfer_count = t.transfer_count + 1
        FROM ticket.performances p JOIN ticket.events e ON e.id = p.event_id
       WHERE t.id = ${ticketId}::uuid AND p.id = t.performance_id
         AND t.owner_id = ${fromUserId}::uuid AND t.status = 'ISSUED' AND t.transfer_count < ${limits.maxPerTicket}
         AND e.transfers_enabled AND p.starts_at > ${new Date(now.getTime() + limits.cutoffHoursBeforeShow * HOUR_MS)}`;
    if (moved === 0) return refuseMove(tx, ticketId, fromUserId, limits, now);
    await revokeTicketCode(tx, { id: ticketId, code: locked.code, performanceId: locked.performance_id }, 'TRANSFERRED', now);
    await appendEvent(tx, {
      type: 'transfer.completed',
      aggregateId: transferId,
      occurredAt: now,
      payload: { transferId, ticketId, performanceId: locked.performance_id, fromUserId, toUserId: userId, completedAt: now.toISOString() },
    });
    return { transferId, ticketId };
  });
}

/** The ticket stopped being the sender's to give (refunded, used, the switch turned off, too late): roll back and say why. */
async function refuseMove(tx: Prisma.TransactionClient, ticketId: string, fromUserId: string, limits: TransferLimits, now: Date): Promise<never> {
  const ticket = await loadTransferableTicket(tx, ticketId);
  // The sender no longer holds it: to the recipient, the offer is simply gone.
  if (!ticket || ticket.ownerId !== fromUserId) throw new AppError('conflict', 'transferId: this offer is no longer valid', { field: 'transferId', reason: 'transfer_closed' });
  assertTicketTransferable(ticket, fromUserId, limits, now);
  throw new AppError('conflict', 'transferId: the ticket changed; reload and try again', { field: 'transferId' });
}
