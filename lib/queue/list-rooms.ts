// The admin's list of performances with their waiting-room mode, soonest opening first.
import type { Db } from '../db/create-prisma';
import { openingInstant } from './load-room-settings';

export type RoomListItem = {
  performanceId: string;
  eventTitle: string;
  startsAt: string;
  opensAt: string;
  /** The venue's IANA zone: both instants are shown on its clock. */
  timeZone: string;
  mode: 'SCHEDULED' | 'ON' | 'OFF' | null;
  paused: boolean;
};

export async function listRooms(db: Db, nowMs: number): Promise<RoomListItem[]> {
  const rows = await db.performance.findMany({
    where: { generalSaleClosesAt: { gte: new Date(nowMs) } },
    orderBy: { generalSaleOpensAt: 'asc' },
    take: 100,
    select: {
      id: true,
      startsAt: true,
      presaleOpensAt: true,
      generalSaleOpensAt: true,
      event: { select: { title: true } },
      hall: { select: { venue: { select: { timeZone: true } } } },
      waitingRoom: { select: { mode: true, paused: true } },
    },
  });
  return rows.map((p) => ({
    performanceId: p.id,
    eventTitle: p.event.title,
    startsAt: p.startsAt.toISOString(),
    opensAt: openingInstant(p).toISOString(),
    timeZone: p.hall.venue.timeZone,
    mode: p.waitingRoom?.mode ?? null,
    paused: p.waitingRoom?.paused ?? false,
  }));
}
