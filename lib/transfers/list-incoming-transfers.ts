// Offers made to me that I can still answer, soonest deadline first.
import type { Db } from '../db/create-prisma';
import { TRANSFER_TICKET_SELECT, toTransferTicketFacts, type TransferTicketFacts } from './transfer-ticket-facts';

export type IncomingTransfer = TransferTicketFacts & { transferId: string; fromName: string; expiresAt: string };

export async function listIncomingTransfers(db: Db, userId: string, now: Date): Promise<IncomingTransfer[]> {
  const offers = await db.ticketTransfer.findMany({
    where: { toUserId: userId, status: 'PENDING', expiresAt: { gt: now } },
    orderBy: { expiresAt: 'asc' },
    select: { id: true, expiresAt: true, fromUser: { select: { name: true, email: true } }, ticket: { select: TRANSFER_TICKET_SELECT } },
  });
  return offers.map((offer) => ({
    ...toTransferTicketFacts(offer.ticket),
    transferId: offer.id,
    // The sender's name as their account shows it; an unnamed account by its email.
    fromName: offer.fromUser.name ?? offer.fromUser.email ?? '',
    expiresAt: offer.expiresAt.toISOString(),
  }));
}
