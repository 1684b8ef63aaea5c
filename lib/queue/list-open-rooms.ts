// The rooms the admission role serves now: switched ON, or SCHEDULED/OFF inside their sale
// window (from the pre-queue start to the general sale's close; an OFF room is drained of anyone
// still waiting). One small query per refresh.
import type { Db } from '../db/create-prisma';
import { toRoomSettings } from './load-room-settings';
import type { RoomSettings } from './room-settings';

export async function listOpenRooms(db: Db, nowMs: number): Promise<RoomSettings[]> {
  const rows = await db.waitingRoomSettings.findMany({
    where: { OR: [{ mode: 'ON' }, { performance: { generalSaleClosesAt: { gte: new Date(nowMs) } } }] },
    include: { performance: { select: { presaleOpensAt: true, generalSaleOpensAt: true, generalSaleClosesAt: true } } },
  });
  return rows
    .map((row) => ({ room: toRoomSettings(row, row.performance), closesAt: row.performance.generalSaleClosesAt.getTime() }))
    .filter(({ room, closesAt }) => room.mode === 'ON' || (nowMs >= room.opensAt.getTime() - room.preQueueMinutes * 60_000 && nowMs <= closesAt))
    .map(({ room }) => room);
}
