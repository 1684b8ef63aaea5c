// The static half of a seat map: every seat's section, row, number, position and grade, in
// ordinal order, as columns (5,248 seats ≈ 90 KB of JSON instead of ≈ 600 KB as objects).
// It changes only on re-import, which bumps Hall.seatMapVersion, so it is cached per
// (hall, version) in Redis and served with an immutable Cache-Control.
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import type { Redis } from '../redis/create-redis';

export type StaticSeatMap = {
  hallId: string;
  version: number;
  width: number;
  height: number;
  seatCount: number;
  sections: string[];
  grades: string[];
  /** Column arrays indexed by Seat.ordinal. */
  seats: { section: number[]; row: string[]; number: number[]; x: number[]; y: number[]; grade: number[] };
};

const TTL_SECONDS = 24 * 3600;
export const staticSeatMapKey = (hallId: string, version: number) => `seatmap:static:${hallId}:${version}`;

export async function getStaticSeatMap(db: Db, redis: Redis, hallId: string): Promise<StaticSeatMap> {
  const hall = await db.hall.findUnique({ where: { id: hallId }, select: { seatMapVersion: true, width: true, height: true, seatCount: true } });
  if (!hall) throw notFound('Hall');
  const key = staticSeatMapKey(hallId, hall.seatMapVersion);
  const cached = await redis.get(key).catch(() => null);
  if (cached) return JSON.parse(cached) as StaticSeatMap;

  const [sections, seats] = await Promise.all([
    db.section.findMany({ where: { hallId }, orderBy: { sortOrder: 'asc' }, select: { id: true, name: true } }),
    db.seat.findMany({ where: { hallId }, orderBy: { ordinal: 'asc' }, select: { sectionId: true, rowLabel: true, number: true, x: true, y: true, grade: true } }),
  ]);
  const sectionIndex = new Map(sections.map((s, i) => [s.id, i]));
  const grades = [...new Set(seats.map((s) => s.grade))];
  const gradeIndex = new Map(grades.map((g, i) => [g, i]));
  const map: StaticSeatMap = {
    hallId,
    version: hall.seatMapVersion,
    width: hall.width,
    height: hall.height,
    seatCount: seats.length,
    sections: sections.map((s) => s.name),
    grades,
    seats: {
      section: seats.map((s) => sectionIndex.get(s.sectionId)!),
      row: seats.map((s) => s.rowLabel),
      number: seats.map((s) => s.number),
      x: seats.map((s) => s.x),
      y: seats.map((s) => s.y),
      grade: seats.map((s) => gradeIndex.get(s.grade)!),
    },
  };
  await redis.set(key, JSON.stringify(map), 'EX', TTL_SECONDS).catch(() => undefined);
  return map;
}
