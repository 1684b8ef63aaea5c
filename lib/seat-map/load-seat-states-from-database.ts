// The truth behind the availability bitmap: every seat of a live reservation (PENDING or
// CONFIRMED) is sold (2); everything else is available. Holds live only in Redis.
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import { encodeSeatStates } from './encode-seat-states';
import { SEAT_STATE } from './seat-state-key';

export async function loadSeatStatesFromDatabase(db: Db, performanceId: string): Promise<{ seatCount: number; bytes: Uint8Array }> {
  const performance = await db.performance.findUnique({ where: { id: performanceId }, select: { hall: { select: { seatCount: true } } } });
  if (!performance) throw notFound('Performance');
  const sold = await db.$queryRaw<{ ordinal: number }[]>`
    SELECT s.ordinal FROM ticket.reservation_items ri JOIN ticket.seats s ON s.id = ri.seat_id
    WHERE ri.performance_id = ${performanceId}::uuid AND ri.live`;
  const seatCount = performance.hall.seatCount;
  return { seatCount, bytes: encodeSeatStates(seatCount, sold.map((row) => [row.ordinal, SEAT_STATE.sold] as [number, number])) };
}
