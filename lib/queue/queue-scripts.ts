// Loads the waiting room's Lua scripts (the .lua files next to this one) onto a Redis client
// once; ioredis runs them by EVALSHA and applies the client's key prefix to their KEYS.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Redis } from '../redis/create-redis';

const SCRIPTS = { join: 5, status: 5, heartbeat: 4, leave: 4, admit: 6 } as const;
type ScriptName = keyof typeof SCRIPTS;

function readScript(name: ScriptName): string {
  // Next bundles this module for the gateway's status route; there import.meta.url may not be a
  // file URL, so fall back to the repository path (the server runs from the repo root).
  try {
    return readFileSync(new URL(`./${name}.lua`, import.meta.url), 'utf8');
  } catch {
    return readFileSync(path.join(process.cwd(), 'lib/queue', `${name}.lua`), 'utf8');
  }
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
