// The reservations role's expiry loop: PENDING reservations past their payment deadline become
// EXPIRED, emit `reservation.expired`, and their seats return to the map. Several workers may
// run it at once: SKIP LOCKED gives each a different batch. A reservation whose payment settled
// is never expired, even past its deadline: the money came while the seats were held, and the
// payment.settled consumer is about to confirm it. Settling holds the reservation's row lock, so
// once this transaction holds it a second statement (a fresh snapshot) sees every settled payment.
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { markReservationsEnded, releaseEndedSeats } from './end-reservations';

export async function expireOverdueReservations(deps: { db: Db; redis: Redis }, now = new Date(), batchSize = 200): Promise<number> {
  const ended = await deps.db.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string; user_id: string; performance_id: string }[]>`
      SELECT id, user_id, performance_id FROM ticket.reservations
       WHERE status = 'PENDING' AND payment_deadline <= ${now}
       ORDER BY payment_deadline
       LIMIT ${batchSize}
       FOR UPDATE SKIP LOCKED`;
    const settled = new Set(
      (await tx.payment.findMany({ where: { liveReservationId: { in: due.map((r) => r.id) }, status: 'PAID' }, select: { liveReservationId: true } })).map((p) => p.liveReservationId),
    );
    return markReservationsEnded(tx, due.filter((r) => !settled.has(r.id)).map((r) => ({ id: r.id, userId: r.user_id, performanceId: r.performance_id })), { status: 'EXPIRED' }, now);
  });
  await releaseEndedSeats(deps, ended);
  return ended.length;
}
