// Loads the waiting room's Lua scripts (the .lua files next to this one) onto a Redis client
// once; ioredis runs them by EVALSHA and applies the client's key prefix to their KEYS.
import { readFileSync } from 'node:fs';
import type { Redis } from '../redis/create-redis';

const SCRIPTS = { join: 5, status: 5, heartbeat: 4, leave: 4, admit: 6 } as const;
type ScriptName = keyof typeof SCRIPTS;

// One literal URL per script: bundlers (Next's Turbopack bundles this module for the status route)
// turn each `new URL('./x.lua', import.meta.url)` into its own asset. A template with a variable
// name resolved every script to one file — the status route ran admit.lua.
const SOURCES: Record<ScriptName, URL> = {
  join: new URL('./join.lua', import.meta.url),
  status: new URL('./status.lua', import.meta.url),
  heartbeat: new URL('./heartbeat.lua', import.meta.url),
  leave: new URL('./leave.lua', import.meta.url),
  admit: new URL('./admit.lua', import.meta.url),
};

function readScript(name: ScriptName): string {
  return readFileSync(SOURCES[name], 'utf8');
}

type Reply = Array<string | number | null>;
export type QueueScripts = Record<ScriptName, (keys: string[], args: Array<string | number>) => Promise<Reply>>;

const loaded = new WeakMap<Redis, QueueScripts>();

export function queueScripts(redis: Redis): QueueScripts {
  const cached = loaded.get(redis);
  if (cached) return cached;
  const commands = redis as unknown as Record<string, (...args: Array<string | number>) => Promise<Reply>>;
  const scripts = {} as QueueScripts;
  for (const [name, numberOfKeys] of Object.entries(SCRIPTS) as Array<[ScriptName, number]>) {
    const command = `openseatQueue_${name}`;
    if (!commands[command]) redis.defineCommand(command, { numberOfKeys, lua: readScript(name) });
    scripts[name] = (keys, args) => commands[command]!.call(redis, ...keys, ...args);
  }
  loaded.set(redis, scripts);
  return scripts;
}
