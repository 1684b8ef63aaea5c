// One sample of a room's depth for the admin chart (stats.queue_samples). `admitted` and
// `abandoned` are running totals since the room opened: the chart takes per-minute deltas.
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { queueKeys } from './queue-keys';

export type QueueCounts = { waiting: number; active: number; admitted: number; abandoned: number };

export async function recordQueueSample(deps: { db: Db; redis: Redis }, input: { performanceId: string; nowMs: number }): Promise<QueueCounts> {
  const k = queueKeys(input.performanceId);
  const replies = await deps.redis.pipeline().zcard(k.queue).zcard(k.active).hmget(k.meta, 'admitted', 'abandoned').exec();
  const [meta] = [replies?.[2]?.[1] as Array<string | null>];
  const counts: QueueCounts = {
    waiting: Number(replies?.[0]?.[1] ?? 0),
    active: Number(replies?.[1]?.[1] ?? 0),
    admitted: Number(meta?.[0] ?? 0),
    abandoned: Number(meta?.[1] ?? 0),
  };
  await deps.db.queueSample.create({ data: { performanceId: input.performanceId, sampledAt: new Date(input.nowMs), ...counts } });
  return counts;
}
