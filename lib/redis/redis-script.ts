// A Lua script run by EVALSHA, falling back to EVAL (which also caches it) when Redis does not
// know it yet — after a restart, a SCRIPT FLUSH or a failover. Plain built-in commands rather
// than ioredis's defineCommand: a command defined after an auto-pipeline was opened in the same
// event-loop turn is missing from that pipeline and its batch's replies misalign (ioredis #1931),
// and the clients auto-pipeline (create-redis.ts).
import { createHash } from 'node:crypto';
import { SpanKind } from '@opentelemetry/api';
import { runInSpan } from '../tracing/run-in-span';
import type { Redis } from './create-redis';

export type RedisScript = { source(): string; sha(): string };

/** `read` runs on first use, not at import: Next evaluates route modules while it builds. */
export function redisScript(read: () => string): RedisScript {
  let source: string | undefined;
  let sha: string | undefined;
  const script: RedisScript = {
    source: () => (source ??= read()),
    sha: () => (sha ??= createHash('sha1').update(script.source()).digest('hex')),
  };
  return script;
}

export function runRedisScript(redis: Redis, script: RedisScript, keys: string[], args: (string | number)[]): Promise<unknown> {
  // The command is sent synchronously inside the span's callback, so auto-pipelining still
  // groups the scripts of one event-loop turn.
  return runInSpan('redis EVALSHA', { kind: SpanKind.CLIENT, attributes: { 'db.system.name': 'redis', 'db.operation.name': 'EVALSHA', 'db.redis.script': script.sha() } }, async () => {
    try {
      return await redis.evalsha(script.sha(), keys.length, ...keys, ...args);
    } catch (error) {
      if (!(error instanceof Error) || !error.message.startsWith('NOSCRIPT')) throw error;
      return redis.eval(script.source(), keys.length, ...keys, ...args);
    }
  });
}
