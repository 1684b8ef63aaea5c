// The holder's transfer page for one ticket: the ticket, whether the organiser allows transfers,
// the open offer (to withdraw) and the offers made before. Another user's ticket is "not found".
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import { TRANSFER_TICKET_SELECT, toTransferTicketFacts, type TransferTicketFacts } from './transfer-ticket-facts';

export type TransferOfferView = { transferId: string; toEmail: string; status: string; createdAt: string; expiresAt: string; respondedAt: string | null };

export type TicketTransferState = TransferTicketFacts & {
  status: string;
  transfersEnabled: boolean;
  transferCount: number;
  openOffer: TransferOfferView | null;
  pastOffers: TransferOfferView[];
};

export async function getTicketTransferState(db: Db, input: { ticketId: string; userId: string }): Promise<TicketTransferState> {
  if (!z.uuid().safeParse(input.ticketId).success) throw notFound('Ticket');
  const ticket = await db.ticket.findFirst({
    where: { id: input.ticketId, ownerId: input.userId },
    select: {
      ...TRANSFER_TICKET_SELECT,
      status: true,
      transferCount: true,
      performance: { select: { ...TRANSFER_TICKET_SELECT.performance.select, event: { select: { title: true, transfersEnabled: true } } } },
      // The holder's own offers only: offers a previous holder made are theirs.
      transfers: { where: { fromUserId: input.userId }, orderBy: { createdAt: 'desc' }, take: 20 },
    },
  });
  if (!ticket) throw notFound('Ticket');
  const offers = ticket.transfers.map((t) => ({
    transferId: t.id,
    toEmail: t.toEmail,
    status: t.status,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt.toISOString(),
    respondedAt: t.respondedAt?.toISOString() ?? null,
  }));
  return {
    ...toTransferTicketFacts(ticket),
    status: ticket.status,
    transfersEnabled: ticket.performance.event.transfersEnabled,
    transferCount: ticket.transferCount,
    openOffer: offers.find((o) => o.status === 'PENDING') ?? null,
    pastOffers: offers.filter((o) => o.status !== 'PENDING'),
  };
}
