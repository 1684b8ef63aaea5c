// The user cancels their own PENDING reservation; the seats are back on the map at once.
// Another user's reservation answers 404, as if it did not exist; so does a malformed id (400 would
// tell a prober which ids are well-formed). Any other failure, a database outage included, stays 5xx.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { AppError, notFound } from '../errors/app-error';
import type { Redis } from '../redis/create-redis';
import { markReservationsEnded, releaseEndedSeats } from './end-reservations';

export async function cancelReservation(deps: { db: Db; redis: Redis }, userId: string, reservationId: string, now = new Date()): Promise<void> {
  if (!z.uuid().safeParse(reservationId).success) throw notFound('Reservation');
  const ended = await deps.db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ id: string; user_id: string; performance_id: string; status: string }[]>`
      SELECT id, user_id, performance_id, status FROM ticket.reservations WHERE id = ${reservationId}::uuid AND user_id = ${userId}::uuid FOR UPDATE`;
    if (!row) throw notFound('Reservation');
    if (row.status !== 'PENDING') throw new AppError('conflict', `A ${row.status.toLowerCase()} reservation cannot be cancelled here`, { reason: 'not_pending' });
    return markReservationsEnded(tx, [{ id: row.id, userId: row.user_id, performanceId: row.performance_id }], { status: 'CANCELLED', reason: 'user' }, now);
  });
  await releaseEndedSeats(deps, ended);
}
