// An offer ends without the ticket moving: the recipient declines it or the sender withdraws it.
// One conditional UPDATE from PENDING decides against a racing accept (exactly one of them wins)
// and the ending's event commits with it.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { AppError, notFound } from '../errors/app-error';
import { appendEvent } from '../events/append-event';
import { assertTransferOpen } from './assert-transfer-open';

const ENDINGS = {
  decline: { role: 'recipient', status: 'DECLINED', event: 'transfer.declined' },
  withdraw: { role: 'sender', status: 'CANCELLED', event: 'transfer.withdrawn' },
} as const;

export type TransferEnding = keyof typeof ENDINGS;

export async function endTicketTransfer(deps: { db: Db; now: Date }, userId: string, transferId: string, ending: TransferEnding): Promise<{ transferId: string; status: string }> {
  const { db, now } = deps;
  const { role, status, event } = ENDINGS[ending];
  if (!z.uuid().safeParse(transferId).success) throw notFound('Transfer');
  return db.$transaction(async (tx) => {
    const party = role === 'recipient' ? { toUserId: userId } : { fromUserId: userId };
    // A withdrawal needs no deadline: an offer past its deadline is withdrawn as well as expired.
    const open = role === 'recipient' ? { expiresAt: { gt: now } } : {};
    const { count } = await tx.ticketTransfer.updateMany({ where: { id: transferId, status: 'PENDING', ...party, ...open }, data: { status, respondedAt: now } });
    const transfer = await tx.ticketTransfer.findUnique({ where: { id: transferId }, include: { ticket: { select: { performanceId: true } } } });
    if (count === 0 || !transfer) {
      assertTransferOpen(transfer, { userId, role }, now);
      throw new AppError('conflict', 'transferId: the offer changed; reload and try again', { field: 'transferId' });
    }
    await appendEvent(tx, {
      type: event,
      aggregateId: transferId,
      occurredAt: now,
      payload: { transferId, ticketId: transfer.ticketId, performanceId: transfer.ticket.performanceId, fromUserId: transfer.fromUserId, toUserId: transfer.toUserId!, endedAt: now.toISOString() },
    });
    return { transferId, status };
  });
}
