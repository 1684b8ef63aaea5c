// Puts a ticket's current code on the revocation list, inside the caller's transaction: the
// change that voids the code (a transfer, a refund, a cancellation) and the revocation commit
// together, so no moment exists where the old QR still admits anyone.
import type { Prisma } from '../db/create-prisma';
import type { TicketRevocationReason } from '../db/generated/client';

export async function revokeTicketCode(
  tx: Prisma.TransactionClient,
  ticket: { id: string; code: string; performanceId: string },
  reason: TicketRevocationReason,
  now: Date,
): Promise<void> {
  await tx.ticketRevocation.createMany({
    data: [{ code: ticket.code, ticketId: ticket.id, performanceId: ticket.performanceId, reason, revokedAt: now }],
    // Revoking twice (a refund retried) keeps the first reason and time.
    skipDuplicates: true,
  });
}
