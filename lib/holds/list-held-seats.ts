// The seats a user holds for a performance right now, with each hold's expiry (the countdown).
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { describeHeld } from './describe-held';
import type { HoldResult } from './hold-types';
import { loadPerformanceSeats } from './load-performance-seats';
import { seatHoldKeys } from './seat-hold-keys';

export async function listHeldSeats(deps: { db: Db; redis: Redis; now?: () => Date }, performanceId: string, userId: string): Promise<HoldResult | null> {
  const now = (deps.now?.() ?? new Date()).getTime();
  const keys = seatHoldKeys(performanceId);
  const list = await deps.redis.hget(keys.byUser, userId);
  if (!list) return null;
  const ordinals = list.split(',');
  const entries = await deps.redis.hmget(keys.holds, ...ordinals);
  const live = ordinals
    .map((ordinal, i) => ({ ordinal: Number(ordinal), entry: entries[i] }))
    .filter((h) => h.entry?.startsWith(`${userId}|`) && Number(h.entry.split('|')[1]) > now);
  if (live.length === 0) return null;
  const performance = await loadPerformanceSeats(deps.db, performanceId, now);
  const earliest = Math.min(...live.map((h) => Number(h.entry!.split('|')[1])));
  return describeHeld(performance, live.map((h) => performance.seatsByOrdinal[h.ordinal]!), earliest);
}
