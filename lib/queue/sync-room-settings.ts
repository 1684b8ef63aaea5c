// Copies a room's settings into its Redis meta hash, where the join/status/admit scripts read
// them: settings change live (the next tick and the next join see them), no restart.
import type { Redis } from '../redis/create-redis';
import { queueKeys } from './queue-keys';
import type { RoomSettings } from './room-settings';

export async function syncRoomSettings(redis: Redis, settings: RoomSettings): Promise<void> {
  await redis.hset(queueKeys(settings.performanceId).meta, {
    mode: settings.mode,
    paused: settings.paused ? '1' : '0',
    opens_at: String(settings.opensAt.getTime()),
    pre_queue_ms: String(settings.preQueueMinutes * 60_000),
    admit_per_min: String(settings.admitPerMinute),
    max_active: String(settings.maxActive),
    session_ms: String(settings.activeSessionSeconds * 1000),
    idle_ms: String(settings.idleTimeoutSeconds * 1000),
  });
}
