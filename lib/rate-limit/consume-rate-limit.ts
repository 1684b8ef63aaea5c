// One request against a rate-limit bucket in Redis, atomically in one
// Lua script. Throws AppError('rate_limited') with the seconds to wait when the bucket is empty.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import type { Redis } from '../redis/create-redis';
import { redisScript, runRedisScript } from '../redis/redis-script';

/** Requests per minute by category (docs/decisions.md: why these four). */
export const RATE_LIMITS = { AUTH: 20, QUEUE: 60, BOOKING: 10, GENERAL: 100 } as const;
export type RateLimitCategory = keyof typeof RATE_LIMITS;

export const ConsumeRateLimitInput = z.object({
  category: z.enum(['AUTH', 'QUEUE', 'BOOKING', 'GENERAL']),
  /** `user:<id>` when signed in, `ip:<address>` otherwise. */
  subject: z.string().min(1).max(200),
  windowMs: z.number().int().positive().default(60_000),
});
export type ConsumeRateLimitInput = z.input<typeof ConsumeRateLimitInput>;

export type RateLimitResult = { limit: number; remaining: number };

const GCRA = redisScript(() => readFileSync(new URL('./gcra.lua', import.meta.url), 'utf8'));

export async function consumeRateLimit(redis: Redis, input: ConsumeRateLimitInput): Promise<RateLimitResult> {
  const { category, subject, windowMs } = ConsumeRateLimitInput.parse(input);
  const limit = RATE_LIMITS[category];
  const [allowed, remaining, retryAfterMs] = (await runRedisScript(redis, GCRA, [`ratelimit:${category}:${subject}`], [limit, windowMs])) as [number, number, number];
  if (!allowed) {
    const retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    throw new AppError('rate_limited', `Too many requests; retry in ${retryAfterSeconds} s`, { category, limit, retryAfterSeconds });
  }
  return { limit, remaining };
}
