// The rooms the admission role serves now: switched ON, or SCHEDULED and inside their window
// (from the pre-queue start to the general sale's close). One small query per refresh.
import type { Db } from '../db/create-prisma';
import { toRoomSettings } from './load-room-settings';
import type { RoomSettings } from './room-settings';

export async function listOpenRooms(db: Db, nowMs: number): Promise<RoomSettings[]> {
  const rows = await db.waitingRoomSettings.findMany({
    where: { mode: { not: 'OFF' } },
    include: { performance: { select: { presaleOpensAt: true, generalSaleOpensAt: true, generalSaleClosesAt: true } } },
  });
  return rows
    .map((row) => ({ room: toRoomSettings(row, row.performance), closesAt: row.performance.generalSaleClosesAt.getTime() }))
    .filter(({ room, closesAt }) => room.mode === 'ON' || (nowMs >= room.opensAt.getTime() - room.preQueueMinutes * 60_000 && nowMs <= closesAt))
    .map(({ room }) => room);
}
