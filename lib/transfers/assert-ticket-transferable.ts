// Why a ticket cannot change hands right now, as the error the fan sees (a field-named 4xx).
// Offer and accept call it to explain a refusal; the guard itself is each one's conditional write.
import { AppError, notFound } from '../errors/app-error';
import { transferCutoff, type TransferLimits } from './transfer-limits';

export type TransferableTicket = {
  ownerId: string;
  status: string;
  transferCount: number;
  startsAt: Date;
  transfersEnabled: boolean;
};

/** `holderId`: who must hold the ticket (the caller offering it, or the sender of an offer being accepted). */
export function assertTicketTransferable(ticket: TransferableTicket | null, holderId: string, limits: TransferLimits, now: Date): asserts ticket is TransferableTicket {
  if (!ticket || ticket.ownerId !== holderId) throw notFound('Ticket');
  if (!ticket.transfersEnabled) {
    throw new AppError('unprocessable', 'ticketId: the organiser does not allow transfers for this event', { field: 'ticketId', reason: 'transfers_disabled' });
  }
  if (ticket.status !== 'ISSUED') {
    throw new AppError('conflict', `ticketId: a ${ticket.status.toLowerCase()} ticket cannot be transferred`, { field: 'ticketId', reason: 'ticket_not_transferable', status: ticket.status });
  }
  if (ticket.transferCount >= limits.maxPerTicket) {
    throw new AppError('unprocessable', `ticketId: a ticket may be transferred at most ${limits.maxPerTicket} time(s)`, {
      field: 'ticketId',
      reason: 'transfer_limit_reached',
      limit: limits.maxPerTicket,
    });
  }
  const cutoff = transferCutoff(limits, ticket.startsAt);
  if (now.getTime() >= cutoff.getTime()) {
    throw new AppError('unprocessable', `ticketId: transfers close ${limits.cutoffHoursBeforeShow} hours before the show`, {
      field: 'ticketId',
      reason: 'transfers_closed',
      closedAt: cutoff.toISOString(),
      hours: limits.cutoffHoursBeforeShow,
    });
  }
}
