// Reads one performance's waiting-room settings from PostgreSQL, creating the default row the
// first time a room is used (SCHEDULED at the sale opening, the schema's defaults).
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import type { RoomSettings } from './room-settings';

type SettingsRow = Omit<RoomSettings, 'opensAt'> & { updatedAt?: Date };
type PerformanceRow = { presaleOpensAt: Date | null; generalSaleOpensAt: Date };

/** The opening instant: the first sale window (the member presale when there is one). */
export function openingInstant(performance: PerformanceRow): Date {
  const p = performance.presaleOpensAt;
  return p && p < performance.generalSaleOpensAt ? p : performance.generalSaleOpensAt;
}

export function toRoomSettings(row: SettingsRow, performance: PerformanceRow): RoomSettings {
  return {
    performanceId: row.performanceId,
    mode: row.mode,
    paused: row.paused,
    admitPerMinute: row.admitPerMinute,
    maxActive: row.maxActive,
    activeSessionSeconds: row.activeSessionSeconds,
    idleTimeoutSeconds: row.idleTimeoutSeconds,
    preQueueMinutes: row.preQueueMinutes,
    opensAt: openingInstant(performance),
  };
}

export async function loadRoomSettings(db: Db, performanceId: string): Promise<RoomSettings> {
  const performance = await db.performance.findUnique({
    where: { id: performanceId },
    select: { presaleOpensAt: true, generalSaleOpensAt: true },
  });
  if (!performance) throw notFound('Performance');
  const row = await db.waitingRoomSettings.upsert({ where: { performanceId }, create: { performanceId }, update: {} });
  return toRoomSettings(row, performance);
}
