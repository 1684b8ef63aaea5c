// Holds the seats a user picked on the seat map: all of them or none, atomically in Redis,
// within the per-person limit (holds plus live reservations) and the current sale window.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { AppError } from '../errors/app-error';
import type { Redis } from '../redis/create-redis';
import { assertCanBuy } from './assert-can-buy';
import { runHoldScript } from './hold-scripts';
import { runWithSeatState } from './run-with-seat-state';
import { trackPerformanceWithHolds } from './track-performance-with-holds';
import { loadPerformanceSeats, type HoldableSeat, type PerformanceSeats } from './load-performance-seats';

export const HoldSeatsInput = z.object({
  seatIds: z.array(z.uuid()).min(1).max(20).refine((ids) => new Set(ids).size === ids.length, 'must not repeat a seat'),
});
export type HoldSeatsInput = z.infer<typeof HoldSeatsInput>;

export type HeldSeat = { id: string; label: string; grade: string; priceKrw: number };
export type HoldResult = { seats: HeldSeat[]; expiresAt: string; totalKrw: number };

export type HoldDeps = { db: Db; redis: Redis; holdSeconds: number; now?: () => Date };

export function describeHeld(performance: PerformanceSeats, seats: HoldableSeat[], expiresAtMs: number): HoldResult {
  const held = seats.map((s) => ({ id: s.id, label: s.label, grade: s.grade, priceKrw: performance.prices.get(s.grade) ?? 0 }));
  return { seats: held, expiresAt: new Date(expiresAtMs).toISOString(), totalKrw: held.reduce((sum, s) => sum + s.priceKrw, 0) };
}

/** Maps the Lua scripts' refusals to errors the user can act on. */
export function holdRefusal(performance: PerformanceSeats, reply: unknown[]): AppError {
  const [status, ...rest] = reply as [number, ...string[]];
  if (status === -1) {
    return new AppError('unprocessable', `You can hold or reserve at most ${performance.maxTicketsPerPerson} seats for this performance`, {
      reason: 'limit_exceeded',
      limit: performance.maxTicketsPerPerson,
      alreadyHeld: Number(rest[0]),
    });
  }
  const taken = rest.map((o) => performance.seatsByOrdinal[Number(o)]!);
  return new AppError('conflict', 'Some of these seats were just taken', {
    reason: 'seats_taken',
    seats: taken.map((s) => ({ id: s.id, label: s.label })),
  });
}

export async function holdSeats(deps: HoldDeps, performanceId: string, userId: string, input: HoldSeatsInput): Promise<HoldResult> {
  const now = deps.now?.() ?? new Date();
  const performance = await loadPerformanceSeats(deps.db, performanceId, now.getTime());
  const unknown = input.seatIds.filter((id) => !performance.seatsById.has(id));
  if (unknown.length) throw new AppError('validation_failed', 'seatIds: these seats are not in this performance', { field: 'seatIds', seats: unknown });
  await assertCanBuy(deps.db, performance, userId, now);

  const seats = input.seatIds.map((id) => performance.seatsById.get(id)!);
  const expiresAt = now.getTime() + deps.holdSeconds * 1000;
  const reply = await runWithSeatState(deps, performanceId, () =>
    runHoldScript(deps.redis, 'holdSeats', performanceId, [], [userId, now.getTime(), expiresAt, performance.maxTicketsPerPerson, ...seats.map((s) => s.ordinal)]),
  );
  if (reply[0] !== 1) throw holdRefusal(performance, reply);
  await trackPerformanceWithHolds(deps.redis, performanceId, now.getTime());
  return describeHeld(performance, seats, Number(reply[1]));
}
