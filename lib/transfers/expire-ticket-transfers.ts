// The reservations role's expiry loop for offers: a PENDING offer past its deadline, or whose
// ticket stopped being transferable (refunded, cancelled, used), becomes EXPIRED and emits
// `transfer.expired` in the same transaction. Several workers may run it at once: SKIP LOCKED
// gives each a different batch, and an accept holding an offer's row is never overtaken.
import type { Db } from '../db/create-prisma';
import { appendEvents } from '../events/append-events';

type Expired = { id: string; ticket_id: string; performance_id: string; from_user_id: string; to_user_id: string };

export async function expireTicketTransfers(db: Db, now: Date, batchSize = 200): Promise<number> {
  return db.$transaction(async (tx) => {
    const expired = await tx.$queryRaw<Expired[]>`
      UPDATE ticket.ticket_transfers tt SET status = 'EXPIRED', responded_at = ${now}
        FROM ticket.tickets t
       WHERE t.id = tt.ticket_id
         AND tt.id IN (SELECT x.id FROM ticket.ticket_transfers x JOIN ticket.tickets y ON y.id = x.ticket_id
                        WHERE x.status = 'PENDING' AND (x.expires_at <= ${now} OR y.status <> 'ISSUED')
                        ORDER BY x.expires_at LIMIT ${batchSize}
                        FOR UPDATE OF x SKIP LOCKED)
      RETURNING tt.id, tt.ticket_id, t.performance_id, tt.from_user_id, tt.to_user_id`;
    await appendEvents(
      tx,
      expired.map((row) => ({
        type: 'transfer.expired' as const,
        aggregateId: row.id,
        occurredAt: now,
        payload: { transferId: row.id, ticketId: row.ticket_id, performanceId: row.performance_id, fromUserId: row.from_user_id, toUserId: row.to_user_id, endedAt: now.toISOString() },
      })),
    );
    return expired.length;
  });
}
