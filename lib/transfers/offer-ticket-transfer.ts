// The holder offers a ticket to another registered user, named by the email their account uses.
// A gift: no price travels with it. The offer is one INSERT … SELECT that locks the ticket and
// re-checks every condition (holder, ISSUED, transfers on, under the limit, before the cutoff),
// and the partial unique index ticket_transfers_one_pending_key keeps one open offer per ticket;
// the reads before it only choose the error to answer with.
import { z } from 'zod';
import { Email } from '../auth/password-rules';
import type { Db } from '../db/create-prisma';
import { isUniqueViolation } from '../db/is-unique-violation';
import { uuidV7 } from '../db/uuid-v7';
import { AppError, notFound } from '../errors/app-error';
import { appendEvent } from '../events/append-event';
import { assertTicketTransferable } from './assert-ticket-transferable';
import { loadTransferableTicket } from './load-transferable-ticket';
import { HOUR_MS, transferCutoff, type TransferLimits } from './transfer-limits';

export const OfferTicketTransferInput = z.object({ ticketId: z.string(), toEmail: Email });
export type OfferTicketTransferInput = z.input<typeof OfferTicketTransferInput>;

export type TransferOffer = { transferId: string; ticketId: string; toEmail: string; expiresAt: string };

const ONE_PENDING_INDEX = 'ticket_transfers_one_pending_key';

export async function offerTicketTransfer(deps: { db: Db; now: Date }, limits: TransferLimits, userId: string, input: OfferTicketTransferInput): Promise<TransferOffer> {
  const { ticketId, toEmail } = OfferTicketTransferInput.parse(input);
  const { db, now } = deps;
  // A malformed id answers 404 like another user's: ids cannot be probed.
  if (!z.uuid().safeParse(ticketId).success) throw notFound('Ticket');
  const ticket = await loadTransferableTicket(db, ticketId);
  assertTicketTransferable(ticket, userId, limits, now);

  const recipient = await db.user.findUnique({ where: { email: toEmail }, select: { id: true } });
  if (!recipient) throw new AppError('unprocessable', 'toEmail: no OpenSeat account uses this email', { field: 'toEmail', reason: 'recipient_unknown' });
  if (recipient.id === userId) throw new AppError('unprocessable', 'toEmail: this is your own account', { field: 'toEmail', reason: 'recipient_is_holder' });

  const cutoff = transferCutoff(limits, ticket.startsAt);
  const expiresAt = new Date(Math.min(now.getTime() + limits.offerHours * HOUR_MS, cutoff.getTime()));
  const transferId = uuidV7(now.getTime());
  // The insert's own cutoff test: the show must start after now + the cutoff.
  const showsAfter = new Date(now.getTime() + limits.cutoffHoursBeforeShow * HOUR_MS);
  try {
    const offered = await db.$transaction(async (tx) => {
      const inserted = await tx.$executeRaw`
        INSERT INTO ticket.ticket_transfers (id, ticket_id, from_user_id, to_user_id, to_email, status, created_at, expires_at)
        SELECT ${transferId}::uuid, t.id, t.owner_id, ${recipient.id}::uuid, ${toEmail}, 'PENDING', ${now}, ${expiresAt}
          FROM ticket.tickets t
          JOIN ticket.performances p ON p.id = t.performance_id
          JOIN ticket.events e ON e.id = p.event_id
         WHERE t.id = ${ticketId}::uuid AND t.owner_id = ${userId}::uuid AND t.status = 'ISSUED'
           AND t.transfer_count < ${limits.maxPerTicket} AND e.transfers_enabled AND p.starts_at > ${showsAfter}
           FOR UPDATE OF t`;
      if (inserted === 0) return false;
      await appendEvent(tx, {
        type: 'transfer.offered',
        aggregateId: transferId,
        occurredAt: now,
        payload: { transferId, ticketId, performanceId: ticket.performanceId, fromUserId: userId, toUserId: recipient.id, expiresAt: expiresAt.toISOString() },
      });
      return true;
    });
    if (!offered) {
      // The ticket changed between the read and the insert (it moved, was refunded, the switch flipped).
      assertTicketTransferable(await loadTransferableTicket(db, ticketId), userId, limits, now);
      throw new AppError('conflict', 'ticketId: the ticket changed; reload and try again', { field: 'ticketId' });
    }
  } catch (error) {
    if (isUniqueViolation(error, ONE_PENDING_INDEX)) {
      throw new AppError('conflict', 'ticketId: this ticket already has an open offer; withdraw it first', { field: 'ticketId', reason: 'offer_open' });
    }
    throw error;
  }
  return { transferId, ticketId, toEmail, expiresAt: expiresAt.toISOString() };
}
