// The admin changes a room's settings (rate, capacity, pause/resume, mode): saved with an audit
// row in one transaction (the room's own history for its dashboard, and the admin audit log
// every admin action is browsed in), then pushed to Redis so the very next tick and join obey them.
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import type { Redis } from '../redis/create-redis';
import { loadRoomSettings } from './load-room-settings';
import { RoomSettingsPatch, type RoomSettings } from './room-settings';
import { syncRoomSettings } from './sync-room-settings';

export async function updateRoomSettings(
  deps: { db: Db; redis: Redis },
  input: { performanceId: string; actorId: string | null; patch: RoomSettingsPatch; requestId?: string | null },
): Promise<RoomSettings> {
  const patch = RoomSettingsPatch.parse(input.patch);
  const before = await loadRoomSettings(deps.db, input.performanceId);
  const action = patch.paused === true ? 'pause' : patch.paused === false ? 'resume' : 'update';
  // The actor is a user id when the caller is a signed-in admin (a uuid); scripts pass null.
  const actorId = input.actorId && /^[0-9a-f-]{36}$/i.test(input.actorId) ? input.actorId : null;
  const changed = { before: pick(before, Object.keys(patch)), after: patch };
  await deps.db.$transaction(async (tx) => {
    await tx.waitingRoomSettings.update({ where: { performanceId: input.performanceId }, data: patch });
    await tx.waitingRoomAudit.create({ data: { performanceId: input.performanceId, actorId, action, ...changed } });
    await recordAdminChange(tx, { actorId, action: `waiting_room.${action}`, entityType: 'performance', entityId: input.performanceId, ...changed, requestId: input.requestId });
  });
  const after = { ...before, ...patch };
  await syncRoomSettings(deps.redis, after);
  return after;
}

function pick(settings: RoomSettings, keys: string[]) {
  return Object.fromEntries(keys.map((key) => [key, settings[key as keyof RoomSettings] as string | number | boolean]));
}
