// The `admission` role: every ADMISSION_TICK_MS, for each open waiting room, one atomic admit
// script (expire finished/idle admissions, admit from the head at the configured rate within
// the active capacity, skip users whose heartbeat stopped). Any number of these processes may
// run at once: the script's token bucket and capacity check are shared in Redis.
// Every QUEUE_SAMPLE_MS it also writes a queue-depth sample per room for the admin chart.
import { admitNext } from '../../lib/queue/admit-next';
import { listOpenRooms } from '../../lib/queue/list-open-rooms';
import { recordQueueSample } from '../../lib/queue/record-queue-sample';
import type { RoomSettings } from '../../lib/queue/room-settings';
import { syncRoomSettings } from '../../lib/queue/sync-room-settings';
import { queueMetrics } from '../runtime/queue-metrics';
import type { WorkerContext } from '../runtime/context';
import { defineLoopRole } from './define-loop-role';

/** Settings are re-read from PostgreSQL at most this often (admin edits also push to Redis at once). */
const ROOMS_REFRESH_MS = 5_000;

export function createAdmissionTicker(ctx: WorkerContext, now: () => number = Date.now) {
  const metrics = queueMetrics(ctx.metrics);
  let rooms: RoomSettings[] = [];
  let roomsAt = -Infinity;
  let sampledAt = -Infinity;
  return async function tick(): Promise<void> {
    const nowMs = now();
    if (nowMs - roomsAt >= ROOMS_REFRESH_MS) {
      rooms = await listOpenRooms(ctx.db, nowMs);
      // Keep Redis in step with PostgreSQL (the truth), e.g. after a Redis restart.
      await Promise.all(rooms.map((room) => syncRoomSettings(ctx.redis, room)));
      roomsAt = nowMs;
    }
    const sample = nowMs - sampledAt >= ctx.config.QUEUE_SAMPLE_MS;
    if (sample) sampledAt = nowMs;
    for (const room of rooms) {
      const performance = room.performanceId;
      const result = await admitNext(ctx.redis, { performanceId: performance, nowMs });
      metrics.depth.set({ performance }, result.waiting);
      metrics.active.set({ performance }, result.active);
      if (result.admitted) metrics.admitted.inc({ performance }, result.admitted);
      if (result.skipped) metrics.abandoned.inc({ performance }, result.skipped);
      if (result.admitted || result.skipped || result.expired) {
        ctx.logger.debug({ performance, ...result, admittedUsers: undefined }, 'admission tick');
      }
      if (sample) await recordQueueSample({ db: ctx.db, redis: ctx.redis }, { performanceId: performance, nowMs });
    }
  };
}

export const admissionRole = defineLoopRole('admission', [
  {
    name: 'admit',
    intervalMs: (ctx) => ctx.config.ADMISSION_TICK_MS,
    tick: (() => {
      const tickers = new WeakMap<WorkerContext, () => Promise<void>>();
      return async (ctx: WorkerContext) => {
        let tick = tickers.get(ctx);
        if (!tick) tickers.set(ctx, (tick = createAdmissionTicker(ctx)));
        await tick();
      };
    })(),
  },
]);
