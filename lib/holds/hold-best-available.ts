// 자동배정 (best available): N adjacent seats of a grade in the best row that has them, held in
// the same atomic step as a manual hold.
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { Redis } from '../redis/create-redis';
import { assertCanBuy } from './assert-can-buy';
import { ensureGradeRows } from './ensure-grade-rows';
import { runHoldScript } from './hold-scripts';
import { runWithSeatState } from './run-with-seat-state';
import { countHeldSeats } from '../queue/count-held-seats';
import { trackPerformanceWithHolds } from './track-performance-with-holds';
import { describeHeld } from './describe-held';
import { entryCheckOf, type AdmittedEntry } from './entry-check-of';
import { holdRefusal } from './hold-refusal';
import type { HoldDeps, HoldResult } from './hold-types';
import { loadPerformanceSeats } from './load-performance-seats';
import { seatHoldKeys } from './seat-hold-keys';

const ROWS_MISSING = -4;

export const HoldBestAvailableInput = z.object({
  grade: z.string().min(1).max(20),
  count: z.number().int().min(1).max(20),
});
export type HoldBestAvailableInput = z.infer<typeof HoldBestAvailableInput>;

export type BestAvailableRequest = { userId: string; grade: string; count: number; nowMs: number; expiresAtMs: number; limit: number };

/** One run of the best-available script with its keys, exactly as a hold runs it (the bench runs it raw). */
export function runBestAvailableScript(redis: Redis, performanceId: string, request: BestAvailableRequest, entry?: AdmittedEntry) {
  const check = entryCheckOf(performanceId, entry);
  const keys = seatHoldKeys(performanceId);
  const gradeKeys = [keys.gradeRows(request.grade), keys.gradeRoom(request.grade), keys.gradeRoomSeen(request.grade), keys.gradeRoomRuns(request.grade)];
  return runHoldScript(redis, 'holdBestAvailable', performanceId, [...gradeKeys, ...check.keys], [request.userId, request.nowMs, request.expiresAtMs, request.limit, check.jti, request.count]);
}

export async function holdBestAvailable(deps: HoldDeps, performanceId: string, userId: string, input: HoldBestAvailableInput, entry?: AdmittedEntry): Promise<HoldResult> {
  const now = deps.now?.() ?? new Date();
  const performance = await loadPerformanceSeats(deps.db, performanceId, now.getTime());
  if (!performance.prices.has(input.grade)) {
    throw new AppError('validation_failed', `grade: this performance has no grade ${input.grade}`, { field: 'grade' });
  }
  if (input.count > performance.maxTicketsPerPerson) {
    throw new AppError('validation_failed', `count: at most ${performance.maxTicketsPerPerson} seats per person`, { field: 'count' });
  }
  await assertCanBuy(deps.db, performance, userId, now);

  const expiresAt = now.getTime() + deps.holdSeconds * 1000;
  const request = { userId, grade: input.grade, count: input.count, nowMs: now.getTime(), expiresAtMs: expiresAt, limit: performance.maxTicketsPerPerson };
  const run = () => runWithSeatState(deps, performanceId, () => runBestAvailableScript(deps.redis, performanceId, request, entry));
  let reply = await run();
  // The grade's rows are written on first use (and lost with a Redis flush): the script says so
  // instead of the caller asking Redis first on every request, which cost a round trip each.
  if (reply[0] === ROWS_MISSING) {
    await ensureGradeRows(deps.redis, performance, input.grade);
    reply = await run();
  }
  if (reply[0] === 0 || reply[0] === ROWS_MISSING) {
    throw new AppError('conflict', `No ${input.count} adjacent ${input.grade} seats are free right now`, { reason: 'sold_out', grade: input.grade });
  }
  if (reply[0] !== 1) throw holdRefusal(performance, reply, entry);
  const seats = reply.slice(2).map((o) => performance.seatsByOrdinal[Number(o)]!);
  await Promise.all([trackPerformanceWithHolds(deps.redis, performanceId, now.getTime()), countHeldSeats(deps.redis, performanceId, seats.length)]);
  return describeHeld(performance, seats, expiresAt);
}
