// The admin's live view of one room: settings, live counts from Redis, admitted per minute
// (from the last minute of samples) and the queue-depth series for the chart.
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { loadRoomSettings } from './load-room-settings';
import { queueKeys } from './queue-keys';
import type { RoomSettings } from './room-settings';

export type RoomOverview = {
  settings: RoomSettings;
  live: { waiting: number; active: number; admitted: number; abandoned: number; admittedPerMinute: number; measuredPerMinute: number };
  samples: Array<{ at: string; waiting: number; active: number; admitted: number; abandoned: number }>;
};

export async function getRoomOverview(deps: { db: Db; redis: Redis }, input: { performanceId: string; nowMs: number; minutes?: number }): Promise<RoomOverview> {
  const settings = await loadRoomSettings(deps.db, input.performanceId);
  const k = queueKeys(input.performanceId);
  const replies = await deps.redis.pipeline().zcard(k.queue).zcard(k.active).hmget(k.meta, 'admitted', 'abandoned', 'measured_per_min').exec();
  const meta = (replies?.[2]?.[1] as Array<string | null>) ?? [];
  const since = new Date(input.nowMs - (input.minutes ?? 60) * 60_000);
  const rows = await deps.db.queueSample.findMany({
    where: { performanceId: input.performanceId, sampledAt: { gte: since } },
    orderBy: { sampledAt: 'asc' },
    take: 2_000,
  });
  const admitted = Number(meta[0] ?? 0);
  const minuteAgo = [...rows].reverse().find((r) => r.sampledAt.getTime() <= input.nowMs - 60_000);
  return {
    settings,
    live: {
      waiting: Number(replies?.[0]?.[1] ?? 0),
      active: Number(replies?.[1]?.[1] ?? 0),
      admitted,
      abandoned: Number(meta[1] ?? 0),
      admittedPerMinute: minuteAgo ? admitted - minuteAgo.admitted : admitted,
      measuredPerMinute: Number(meta[2] ?? 0),
    },
    samples: rows.map((r) => ({ at: r.sampledAt.toISOString(), waiting: r.waiting, active: r.active, admitted: r.admitted, abandoned: r.abandoned })),
  };
}
