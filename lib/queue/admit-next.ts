// One admission tick for one performance (the admit script): expire finished and idle admitted
// users, refill the token bucket, admit from the head while tokens and capacity last, skipping
// users whose heartbeat stopped; nobody while every seat is held or sold. Atomic, so racing
// admission processes never overshoot.
import type { Redis } from '../redis/create-redis';
import { seatCountKey, seatStateKey } from '../seat-map/seat-state-key';
import { queueKeys } from './queue-keys';
import { runQueueScript } from './queue-scripts';

export type AdmitTick = { admitted: number; skipped: number; expired: number; waiting: number; active: number; admittedUsers: string[] };

/** Skips per tick are bounded so that one script never blocks Redis for long (~1 µs each). */
const MAX_SKIPS_PER_TICK = 2_000;

export async function admitNext(redis: Redis, input: { performanceId: string; nowMs: number }): Promise<AdmitTick> {
  const k = queueKeys(input.performanceId);
  const reply = (await runQueueScript(
    redis,
    'admit',
    [k.queue, k.active, k.activeSeen, k.meta, k.seenPrefix, k.gone, seatStateKey(input.performanceId), seatCountKey(input.performanceId)],
    [input.nowMs, MAX_SKIPS_PER_TICK],
  )) as unknown as [number, number, number, number, number, string[]];
  const [admitted, skipped, expired, waiting, active, admittedUsers] = reply;
  return { admitted, skipped, expired, waiting, active, admittedUsers };
}
