// The waiting room's Lua scripts (the .lua files next to this one), run by EVALSHA
// (redis-script.ts); ioredis applies the client's key prefix to their KEYS.
import { readFileSync } from 'node:fs';
import type { Redis } from '../redis/create-redis';
import { redisScript, runRedisScript, type RedisScript } from '../redis/redis-script';

// One literal URL per script: bundlers (Next's Turbopack bundles this module for the status route)
// turn each `new URL('./x.lua', import.meta.url)` into its own asset. A template with a variable
// name resolved every script to one file — the status route ran admit.lua.
const SOURCES = {
  join: new URL('./join.lua', import.meta.url),
  status: new URL('./status.lua', import.meta.url),
  heartbeat: new URL('./heartbeat.lua', import.meta.url),
  leave: new URL('./leave.lua', import.meta.url),
  admit: new URL('./admit.lua', import.meta.url),
} as const;
type ScriptName = keyof typeof SOURCES;

const SCRIPTS = Object.fromEntries(
  Object.entries(SOURCES).map(([name, source]) => [name, redisScript(() => readFileSync(source, 'utf8'))]),
) as Record<ScriptName, RedisScript>;

type Reply = Array<string | number | null>;

export function runQueueScript(redis: Redis, name: ScriptName, keys: string[], args: Array<string | number>): Promise<Reply> {
  return runRedisScript(redis, SCRIPTS[name], keys, args) as Promise<Reply>;
}
