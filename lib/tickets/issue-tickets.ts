// One ticket per seat of a reservation that just became CONFIRMED, inside the confirming
// transaction: a confirmed booking never exists without its tickets. Idempotent: the unique
// reservation_item_id keeps a redelivered confirmation from issuing a second ticket for a seat.
import type { Prisma } from '../db/create-prisma';
import { uuidV7 } from '../db/uuid-v7';
import { newTicketCode } from './new-ticket-code';

export async function issueTickets(tx: Prisma.TransactionClient, reservation: { id: string; userId: string }, now: Date): Promise<number> {
  const items = await tx.reservationItem.findMany({ where: { reservationId: reservation.id, live: true }, select: { id: true, performanceId: true, seatId: true } });
  const { count } = await tx.ticket.createMany({
    data: items.map((item) => ({
      id: uuidV7(),
      reservationItemId: item.id,
      performanceId: item.performanceId,
      seatId: item.seatId,
      ownerId: reservation.userId,
      code: newTicketCode(),
      issuedAt: now,
    })),
    skipDuplicates: true,
  });
  return count;
}
