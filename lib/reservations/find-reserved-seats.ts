// A reservation's seats as PostgreSQL has them now: each seat's ordinal and the live reservation
// that has it (this one while it lives, a newer one once it ended and the seat sold again, or none).
// Ordinals come from the seats themselves, not from the catalogue: an unpublished or cancelled
// event's seats go back on the map like any other.
import type { Prisma } from '../db/create-prisma';
import type { ReservedSeat } from '../holds/sync-reserved-seats';

export async function findReservedSeats(db: Pick<Prisma.TransactionClient, '$queryRaw'>, reservationId: string): Promise<ReservedSeat[]> {
  const rows = await db.$queryRaw<{ ordinal: number; live_id: string | null; live_user: string | null }[]>`
    SELECT s.ordinal, l.reservation_id::text AS live_id, lr.user_id::text AS live_user
      FROM ticket.reservation_items i
      JOIN ticket.seats s ON s.id = i.seat_id
      LEFT JOIN ticket.reservation_items l ON l.performance_id = i.performance_id AND l.seat_id = i.seat_id AND l.live
      LEFT JOIN ticket.reservations lr ON lr.id = l.reservation_id
     WHERE i.reservation_id = ${reservationId}::uuid
     ORDER BY s.ordinal`;
  return rows.map((r) => ({ ordinal: r.ordinal, live: r.live_id ? { reservationId: r.live_id, userId: r.live_user! } : null }));
}
