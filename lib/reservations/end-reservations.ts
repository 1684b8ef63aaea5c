// Ends PENDING reservations (payment deadline passed, or the user cancelled): status, items no
// longer live, one event each — one transaction — then their seats go back on sale in Redis.
import type { Db, Prisma } from '../db/create-prisma';
import { appendEvent } from '../events/append-event';
import { runHoldScript } from '../holds/hold-scripts';
import { loadPerformanceSeats } from '../holds/load-performance-seats';
import type { Redis } from '../redis/create-redis';

export type EndedReservation = { id: string; userId: string; performanceId: string; seatIds: string[] };

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
  const items = await tx.reservationItem.findMany({ where: { reservationId: { in: ids } }, select: { reservationId: true, seatId: true } });
  await tx.reservationItem.updateMany({ where: { reservationId: { in: ids } }, data: { live: false } });
  const ended = rows.map((r) => ({ ...r, seatIds: items.filter((i) => i.reservationId === r.id).map((i) => i.seatId) }));
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
        payload: { reservationId: r.id, userId: r.userId, performanceId: r.performanceId, reason: outcome.reason },
      });
    }
  }
  return ended;
}

/** After the commit: the seats are free on the map and no longer count against the user's limit. */
export async function releaseEndedSeats(deps: { db: Db; redis: Redis }, ended: EndedReservation[]): Promise<void> {
  for (const r of ended) {
    const performance = await loadPerformanceSeats(deps.db, r.performanceId);
    const ordinals = r.seatIds.map((id) => performance.seatsById.get(id)!.ordinal);
    await runHoldScript(deps.redis, 'releaseReserved', r.performanceId, [], [r.userId, ...ordinals]);
  }
}
