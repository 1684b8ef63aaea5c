// Loads the seat-hold Lua scripts once per Redis client as ioredis commands (EVALSHA with an
// EVAL fallback after a SCRIPT FLUSH or a failover). holds-common.lua is prepended to each:
// Redis scripts cannot import one another.
import { readFileSync } from 'node:fs';
import type { Redis } from '../redis/create-redis';
import { seatHoldKeys } from './seat-hold-keys';

// Literal URLs, one per file: a bundler turns each into its own asset (a computed name would not be).
const common = readFileSync(new URL('./holds-common.lua', import.meta.url), 'utf8');
const SCRIPTS = {
  holdSeats: { source: new URL('./hold-seats.lua', import.meta.url), keys: 7 },
  holdBestAvailable: { source: new URL('./hold-best-available.lua', import.meta.url), keys: 11 },
  heldUntil: { source: new URL('./held-until.lua', import.meta.url), keys: 7 },
  releaseHolds: { source: new URL('./release-holds.lua', import.meta.url), keys: 5 },
  expireHolds: { source: new URL('./expire-holds.lua', import.meta.url), keys: 5 },
  convertHolds: { source: new URL('./convert-holds.lua', import.meta.url), keys: 5 },
  releaseReserved: { source: new URL('./release-reserved.lua', import.meta.url), keys: 5 },
  markSeatsTaken: { source: new URL('./mark-seats-taken.lua', import.meta.url), keys: 5 },
} as const;
type ScriptName = keyof typeof SCRIPTS;

export const HOLD_SCRIPT_SOURCES: Record<ScriptName, string> = Object.fromEntries(
  Object.entries(SCRIPTS).map(([name, spec]) => [name, `${common}\n${readFileSync(spec.source, 'utf8')}`]),
) as Record<ScriptName, string>;

type ScriptCaller = (...args: (string | number)[]) => Promise<unknown>;
const defined = new WeakSet<Redis>();

function ensureDefined(redis: Redis) {
  if (defined.has(redis)) return;
  for (const [name, spec] of Object.entries(SCRIPTS)) {
    redis.defineCommand(name, { numberOfKeys: spec.keys, lua: HOLD_SCRIPT_SOURCES[name as ScriptName] });
  }
  defined.add(redis);
}

/** Runs one hold script for a performance, with that performance's five common keys first. */
export function runHoldScript(redis: Redis, name: ScriptName, performanceId: string, extraKeys: string[], args: (string | number)[]) {
  ensureDefined(redis);
  const keys = seatHoldKeys(performanceId);
  const call = (redis as unknown as Record<ScriptName, ScriptCaller>)[name];
  return call.call(redis, keys.state, keys.holds, keys.expiry, keys.counts, keys.byUser, ...extraKeys, ...args);
}
