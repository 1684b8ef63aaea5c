// Loads the seat-hold Lua scripts once per Redis client as ioredis commands (EVALSHA with an
// EVAL fallback after a SCRIPT FLUSH or a failover). holds-common.lua is prepended to each:
// Redis scripts cannot import one another.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Redis } from '../redis/create-redis';
import { seatHoldKeys } from './seat-hold-keys';

const here = path.dirname(fileURLToPath(import.meta.url));
const read = (name: string) => readFileSync(path.join(here, name), 'utf8');
const common = read('holds-common.lua');

const SCRIPTS = {
  holdSeats: { file: 'hold-seats.lua', keys: 5 },
  holdBestAvailable: { file: 'hold-best-available.lua', keys: 6 },
  releaseHolds: { file: 'release-holds.lua', keys: 5 },
  expireHolds: { file: 'expire-holds.lua', keys: 5 },
  convertHolds: { file: 'convert-holds.lua', keys: 5 },
  releaseReserved: { file: 'release-reserved.lua', keys: 5 },
  markSeatsTaken: { file: 'mark-seats-taken.lua', keys: 5 },
} as const;
type ScriptName = keyof typeof SCRIPTS;

export const HOLD_SCRIPT_SOURCES: Record<ScriptName, string> = Object.fromEntries(
  Object.entries(SCRIPTS).map(([name, spec]) => [name, `${common}\n${read(spec.file)}`]),
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
