// Replaces a hall's seats with validated rows in one transaction (all or nothing), bumps
// Hall.seatMapVersion, audits the change and drops the derived caches. Refused when any seat
// of the hall is in a live reservation: moving or renumbering a sold seat would orphan a ticket.
import type { Db } from '../db/create-prisma';
import { recordAdminChange } from '../audit/record-admin-change';
import { AppError, notFound } from '../errors/app-error';
import { invalidateCatalogCache } from '../catalog/invalidate-catalog-cache';
import type { Redis } from '../redis/create-redis';
import type { SeatRow } from './parse-seat-map-file';
import { seatCountKey, seatStateKey } from './seat-state-key';

export type ReplaceHallSeatsInput = { hallId: string; rows: SeatRow[]; actorId: string | null; requestId?: string | null; action: string };
export type ReplaceHallSeatsResult = { hallId: string; seatMapVersion: number; seatCount: number; sections: number; grades: string[] };

const MARGIN = 20;

/** Sections in order of first appearance; rows per section nearest the stage (smallest y) first. */
export function orderSeatRows(rows: SeatRow[]) {
  const sectionOrder = new Map<string, number>();
  const rowY = new Map<string, number>();
  for (const r of rows) {
    if (!sectionOrder.has(r.section)) sectionOrder.set(r.section, sectionOrder.size);
    const key = `${r.section}\u0000${r.row}`;
    rowY.set(key, Math.min(rowY.get(key) ?? Infinity, r.y));
  }
  const rowIndex = new Map<string, number>();
  for (const section of sectionOrder.keys()) {
    const rowsOfSection = [...rowY.entries()].filter(([k]) => k.startsWith(`${section}\u0000`)).sort((a, b) => a[1] - b[1]);
    rowsOfSection.forEach(([k], i) => rowIndex.set(k, i));
  }
  const seats = rows
    .map((r) => ({ ...r, sectionOrder: sectionOrder.get(r.section)!, rowIndex: rowIndex.get(`${r.section}\u0000${r.row}`)! }))
    .sort((a, b) => a.sectionOrder - b.sectionOrder || a.rowIndex - b.rowIndex || a.number - b.number);
  return { sections: [...sectionOrder.keys()], seats };
}

export async function replaceHallSeats(db: Db, redis: Redis, input: ReplaceHallSeatsInput): Promise<ReplaceHallSeatsResult> {
  const { sections, seats } = orderSeatRows(input.rows);
  const grades = [...new Set(seats.map((s) => s.grade))];
  const width = Math.max(...seats.map((s) => s.x)) + MARGIN;
  const height = Math.max(...seats.map((s) => s.y)) + MARGIN;

  const result = await db.$transaction(
    async (tx) => {
      // Row lock: two imports of one hall run one after the other, and a reservation check
      // below cannot race a concurrent import of the same hall.
      const locked = await tx.$queryRaw<{ id: string; seat_map_version: number; seat_count: number }[]>`
        SELECT id, seat_map_version, seat_count FROM ticket.halls WHERE id = ${input.hallId}::uuid FOR UPDATE`;
      const hall = locked[0];
      if (!hall) throw notFound('Hall');
      const [live] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM ticket.reservation_items ri JOIN ticket.seats s ON s.id = ri.seat_id
        WHERE s.hall_id = ${input.hallId}::uuid AND ri.live`;
      if (live!.n > 0) throw new AppError('conflict', `This hall has ${live!.n} sold or reserved seat(s); its seat map cannot be replaced`, { soldSeats: live!.n });
      const [history] = await tx.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM ticket.reservation_items ri JOIN ticket.seats s ON s.id = ri.seat_id WHERE s.hall_id = ${input.hallId}::uuid`;
      if (history!.n > 0) throw new AppError('conflict', 'Seats of this hall appear in past reservations; create a new hall instead', { pastReservationItems: history!.n });

      await tx.seat.deleteMany({ where: { hallId: input.hallId } });
      await tx.section.deleteMany({ where: { hallId: input.hallId } });
      await tx.section.createMany({ data: sections.map((name, sortOrder) => ({ hallId: input.hallId, name, sortOrder })) });
      const sectionIds = new Map((await tx.section.findMany({ where: { hallId: input.hallId }, select: { id: true, name: true } })).map((s) => [s.name, s.id]));
      await tx.seat.createMany({
        data: seats.map((s, ordinal) => ({
          hallId: input.hallId,
          sectionId: sectionIds.get(s.section)!,
          ordinal,
          rowLabel: s.row,
          rowIndex: s.rowIndex,
          number: s.number,
          x: s.x,
          y: s.y,
          grade: s.grade,
        })),
      });
      const updated = await tx.hall.update({
        where: { id: input.hallId },
        data: { seatCount: seats.length, seatMapVersion: { increment: 1 }, width, height },
        select: { seatMapVersion: true },
      });
      await recordAdminChange(tx, {
        actorId: input.actorId,
        action: input.action,
        entityType: 'hall',
        entityId: input.hallId,
        before: { seatMapVersion: hall.seat_map_version, seatCount: hall.seat_count },
        after: { seatMapVersion: updated.seatMapVersion, seatCount: seats.length, sections: sections.length, grades },
        requestId: input.requestId,
      });
      return updated;
    },
    { timeout: 60_000, maxWait: 10_000 },
  );

  // The bitmaps of this hall's performances (and their seat counts) were sized and indexed for the old seats.
  const performances = await db.performance.findMany({ where: { hallId: input.hallId }, select: { id: true } });
  if (performances.length) await redis.del(...performances.flatMap((p) => [seatStateKey(p.id), seatCountKey(p.id)]));
  await invalidateCatalogCache(redis);
  return { hallId: input.hallId, seatMapVersion: result.seatMapVersion, seatCount: seats.length, sections: sections.length, grades };
}
