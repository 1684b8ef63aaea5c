// The seat-hold Lua scripts, run by EVALSHA (redis-script.ts). holds-common.lua is prepended to
// each: Redis scripts cannot import one another.
import { readFileSync } from 'node:fs';
import type { Redis } from '../redis/create-redis';
import { redisScript, runRedisScript, type RedisScript } from '../redis/redis-script';
import { seatHoldKeys } from './seat-hold-keys';

// Literal URLs, one per file: a bundler turns each into its own asset (a computed name would not be).
const common = readFileSync(new URL('./holds-common.lua', import.meta.url), 'utf8');
const SOURCES = {
  holdSeats: new URL('./hold-seats.lua', import.meta.url),
  holdBestAvailable: new URL('./hold-best-available.lua', import.meta.url),
  heldUntil: new URL('./held-until.lua', import.meta.url),
  releaseHolds: new URL('./release-holds.lua', import.meta.url),
  expireHolds: new URL('./expire-holds.lua', import.meta.url),
  syncReservedSeats: new URL('./sync-reserved-seats.lua', import.meta.url),
} as const;
type ScriptName = keyof typeof SOURCES;

const SCRIPTS = Object.fromEntries(
  Object.entries(SOURCES).map(([name, source]) => [name, redisScript(() => `${common}\n${readFileSync(source, 'utf8')}`)]),
) as Record<ScriptName, RedisScript>;

/** Runs one hold script for a performance, with that performance's five common keys first. */
export function runHoldScript(redis: Redis, name: ScriptName, performanceId: string, extraKeys: string[], args: (string | number)[]) {
  const keys = seatHoldKeys(performanceId);
  return runRedisScript(redis, SCRIPTS[name], [keys.state, keys.holds, keys.expiry, keys.counts, keys.byUser, ...extraKeys], args);
}
