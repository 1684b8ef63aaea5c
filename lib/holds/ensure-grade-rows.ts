// Writes a performance's rows of one grade to Redis for best-available, once: best rows first
// (nearest the stage, then nearest the hall's centre line), seats in number order within a row,
// and each seat's row (the script finds the rows a changed seat belongs to).
// Concurrent first callers race to RENAMENX a private copy into place; exactly one wins.
import { randomBytes } from 'node:crypto';
import type { Redis } from '../redis/create-redis';
import type { HoldableSeat, PerformanceSeats } from './load-performance-seats';
import { seatHoldKeys } from './seat-hold-keys';

export function orderGradeRows(performance: PerformanceSeats, grade: string): HoldableSeat[][] {
  const rows = new Map<string, HoldableSeat[]>();
  for (const seat of performance.seatsByOrdinal) {
    if (seat.grade !== grade) continue;
    const key = `${seat.section}\u0000${seat.rowLabel}`;
    rows.set(key, [...(rows.get(key) ?? []), seat]);
  }
  const centre = performance.hallWidth / 2;
  const midX = (row: HoldableSeat[]) => (row[0]!.x + row[row.length - 1]!.x) / 2;
  return [...rows.values()]
    .map((row) => row.sort((a, b) => a.number - b.number))
    .sort((a, b) => a[0]!.rowIndex - b[0]!.rowIndex || Math.abs(midX(a) - centre) - Math.abs(midX(b) - centre));
}

// A row whose ordinals run consecutively is written "first-last": the script reads it without
// parsing a number per seat on every request.
function rowOrdinals(row: HoldableSeat[]): string {
  const consecutive = row.every((s, k) => s.ordinal === row[0]!.ordinal + k);
  return consecutive ? `${row[0]!.ordinal}-${row[row.length - 1]!.ordinal}` : row.map((s) => s.ordinal).join(',');
}

export async function ensureGradeRows(redis: Redis, performance: PerformanceSeats, grade: string): Promise<string> {
  const key = seatHoldKeys(performance.performanceId).gradeRows(grade);
  if (await redis.exists(key)) return key;
  const rows = orderGradeRows(performance, grade);
  if (rows.length === 0) return key;
  // A fresh id each time: best-available's summary of the rows knows which layout it describes.
  const id = randomBytes(8).toString('hex');
  const fields: Record<string, string | number> = { id, n: rows.length };
  rows.forEach((row, i) => {
    fields[`r${i + 1}`] = rowOrdinals(row);
    for (const seat of row) fields[`o${seat.ordinal}`] = i + 1;
  });
  const draft = `${key}:draft:${id}`;
  await redis.hset(draft, fields);
  const placed = await redis.renamenx(draft, key);
  if (!placed) await redis.del(draft);
  return key;
}
