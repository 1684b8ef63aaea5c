// Puts a ticket's current code on the revocation list, inside the caller's transaction: the
// change that voids the code (a transfer, a refund, a cancellation) and the revocation commit
// together, so no moment exists where the old QR still admits anyone.
import type { Prisma } from '../db/create-prisma';
import type { TicketRevocationReason } from '../db/generated/client';

type RevokedCode = { id: string; code: string; performanceId: string };

export async function revokeTicketCode(
  tx: Prisma.TransactionClient,
  ticket: RevokedCode | readonly RevokedCode[],
  reason: TicketRevocationReason,
  now: Date,
): Promise<void> {
  // A cancelled performance voids every ticket of it at once: one statement, not one per ticket.
  const tickets = Array.isArray(ticket) ? (ticket as readonly RevokedCode[]) : [ticket as RevokedCode];
  if (tickets.length === 0) return;
  await tx.ticketRevocation.createMany({
    data: tickets.map((t) => ({ code: t.code, ticketId: t.id, performanceId: t.performanceId, reason, revokedAt: now })),
    // Revoking twice (a refund retried) keeps the first reason and time.
    skipDuplicates: true,
  });
}
