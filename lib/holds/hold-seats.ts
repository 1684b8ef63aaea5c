// Holds the seats a user picked on the seat map: all of them or none, atomically in Redis,
// within the per-person limit (holds plus live reservations) and the current sale window.
import { z } from 'zod';
import { assertCanBuy } from './assert-can-buy';
import { describeHeld } from './describe-held';
import { entryCheckOf, type AdmittedEntry } from './entry-check-of';
import { findSeats } from './find-seats';
import { holdRefusal } from './hold-refusal';
import { runHoldScript } from './hold-scripts';
import type { HoldDeps, HoldResult } from './hold-types';
import { loadPerformanceSeats } from './load-performance-seats';
import { runWithSeatState } from './run-with-seat-state';
import { SeatOrdinals } from './seat-ordinals';
import { countHeldSeats } from '../queue/count-held-seats';
import { trackPerformanceWithHolds } from './track-performance-with-holds';

export const HoldSeatsInput = z.object({ seats: SeatOrdinals });
export type HoldSeatsInput = z.infer<typeof HoldSeatsInput>;

export async function holdSeats(deps: HoldDeps, performanceId: string, userId: string, input: HoldSeatsInput, entry?: AdmittedEntry): Promise<HoldResult> {
  const now = deps.now?.() ?? new Date();
  const performance = await loadPerformanceSeats(deps.db, performanceId, now.getTime());
  const seats = findSeats(performance, input.seats);
  await assertCanBuy(deps.db, performance, userId, now);

  const expiresAt = now.getTime() + deps.holdSeconds * 1000;
  const check = entryCheckOf(performanceId, entry);
  const reply = await runWithSeatState(deps, performanceId, () =>
    runHoldScript(deps.redis, 'holdSeats', performanceId, check.keys, [userId, now.getTime(), expiresAt, performance.maxTicketsPerPerson, check.jti, ...seats.map((s) => s.ordinal)]),
  );
  if (reply[0] !== 1) throw holdRefusal(performance, reply, entry);
  await Promise.all([trackPerformanceWithHolds(deps.redis, performanceId, now.getTime()), countHeldSeats(deps.redis, performanceId, seats.length)]);
  return describeHeld(performance, seats, Number(reply[1]));
}
