// Ends PENDING reservations (payment deadline passed, or the user cancelled): status, items no
// longer live, one event each — one transaction — then their seats go back on sale in Redis.
import type { Prisma } from '../db/create-prisma';
import { appendEvent } from '../events/append-event';
import { syncReservedSeats } from '../holds/sync-reserved-seats';
import type { Redis } from '../redis/create-redis';

export type EndedReservation = { id: string; userId: string; performanceId: string; seatIds: string[]; ordinals: number[] };

/** Inside the caller's transaction: rows must be PENDING and locked by the caller. */
export async function markReservationsEnded(
  tx: Prisma.TransactionClient,
  rows: { id: string; userId: string; performanceId: string }[],
  outcome: { status: 'EXPIRED' } | { status: 'CANCELLED'; reason: 'user' | 'admin' | 'payment_failed' },
  now: Date,
): Promise<EndedReservation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  await tx.reservation.updateMany({ where: { id: { in: ids } }, data: { status: outcome.status, cancelledAt: now } });
  const items = await tx.reservationItem.findMany({ where: { reservationId: { in: ids } }, select: { reservationId: true, seatId: true, seat: { select: { ordinal: true } } } });
  await tx.reservationItem.updateMany({ where: { reservationId: { in: ids } }, data: { live: false } });
  const ended = rows.map((r) => {
    const mine = items.filter((i) => i.reservationId === r.id);
    return { ...r, seatIds: mine.map((i) => i.seatId), ordinals: mine.map((i) => i.seat.ordinal) };
  });
  for (const r of ended) {
    if (outcome.status === 'EXPIRED') {
      await appendEvent(tx, {
        type: 'reservation.expired',
        aggregateId: r.id,
        payload: { reservationId: r.id, userId: r.userId, performanceId: r.performanceId, seatIds: r.seatIds, expiredAt: now.toISOString() },
      });
    } else {
      await appendEvent(tx, {
        type: 'reservation.cancelled',
        aggregateId: r.id,
        payload: { reservationId: r.id, userId: r.userId, performanceId: r.performanceId, seatIds: r.seatIds, reason: outcome.reason },
      });
    }
  }
  return ended;
}

/**
 * After the commit, the quick first word: the seats are free on the map and no longer count
 * against the user's limit. Each reservation on its own: one that fails does not keep the others'
 * seats off sale (the failures are thrown together at the end). The reservations role makes the
 * same change from the events, whatever happens here.
 */
export async function releaseEndedSeats(deps: { redis: Redis }, ended: EndedReservation[]): Promise<void> {
  const outcomes = await Promise.allSettled(
    ended.map((r) => syncReservedSeats(deps.redis, r.performanceId, { reservationId: r.id, userId: r.userId }, r.ordinals.map((ordinal) => ({ ordinal, live: null })))),
  );
  const failed = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason] : []));
  if (failed.length) throw new AggregateError(failed, `could not release the seats of ${failed.length} of ${ended.length} ended reservations on the map`);
}
