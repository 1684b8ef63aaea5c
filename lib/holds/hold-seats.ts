// Holds the seats a user picked on the seat map: all of them or none, atomically in Redis,
// within the per-person limit (holds plus live reservations) and the current sale window.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { entryTokenRefused } from '../entry-token/entry-token-refused';
import { AppError } from '../errors/app-error';
import type { Redis } from '../redis/create-redis';
import { assertCanBuy } from './assert-can-buy';
import { runHoldScript } from './hold-scripts';
import { runWithSeatState } from './run-with-seat-state';
import { trackPerformanceWithHolds } from './track-performance-with-holds';
import { loadPerformanceSeats, type HoldableSeat, type PerformanceSeats } from './load-performance-seats';
import { seatHoldKeys } from './seat-hold-keys';

/** Seats by ordinal: the seat map addresses seats by their index in the hall's static map. */
export const SeatOrdinals = z.array(z.int().min(0)).min(1).max(20).refine((seats) => new Set(seats).size === seats.length, 'must not repeat a seat');

export const HoldSeatsInput = z.object({ seats: SeatOrdinals });
export type HoldSeatsInput = z.infer<typeof HoldSeatsInput>;

export type HeldSeat = { id: string; ordinal: number; label: string; grade: string; priceKrw: number };
export type HoldResult = { seats: HeldSeat[]; expiresAt: string; totalKrw: number };

export type HoldDeps = { db: Db; redis: Redis; holdSeconds: number; now?: () => Date };

/**
 * The caller's entry token, verified by the worker API's guard, whose revocation check and
 * heartbeat the hold script makes in the same round trip as the hold (the guard skips its own).
 * Without one (domain callers, tests) the script checks no token.
 */
export type AdmittedEntry = { jti: string; onRevoked?: () => void };
export const ENTRY_REVOKED = -3;

/** The hold scripts' keys and arguments for the entry-token check. */
export function entryCheckOf(performanceId: string, entry: AdmittedEntry | undefined) {
  return { keys: seatHoldKeys(performanceId).entryCheck, jti: entry?.jti ?? '' };
}

export function describeHeld(performance: PerformanceSeats, seats: HoldableSeat[], expiresAtMs: number): HoldResult {
  const held = seats.map((s) => ({ id: s.id, ordinal: s.ordinal, label: s.label, grade: s.grade, priceKrw: performance.prices.get(s.grade) ?? 0 }));
  return { seats: held, expiresAt: new Date(expiresAtMs).toISOString(), totalKrw: held.reduce((sum, s) => sum + s.priceKrw, 0) };
}

/** A seat script found the admission revoked: counted through the guard's hook, refused as the guard refuses. */
export function revokedEntryRefusal(entry: AdmittedEntry | undefined): AppError {
  entry?.onRevoked?.();
  return entryTokenRefused('revoked');
}

/** Maps the Lua scripts' refusals to errors the user can act on. */
export function holdRefusal(performance: PerformanceSeats, reply: unknown[], entry?: AdmittedEntry): AppError {
  const [status, ...rest] = reply as [number, ...string[]];
  if (status === ENTRY_REVOKED) return revokedEntryRefusal(entry);
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
    seats: taken.map((s) => ({ id: s.id, ordinal: s.ordinal, label: s.label })),
  });
}

export function findSeats(performance: PerformanceSeats, ordinals: number[]): HoldableSeat[] {
  const unknown = ordinals.filter((o) => !performance.seatsByOrdinal[o]);
  if (unknown.length) throw new AppError('validation_failed', 'seats: these seats are not in this performance', { field: 'seats', seats: unknown });
  return ordinals.map((o) => performance.seatsByOrdinal[o]!);
}

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
  await trackPerformanceWithHolds(deps.redis, performanceId, now.getTime());
  return describeHeld(performance, seats, Number(reply[1]));
}
