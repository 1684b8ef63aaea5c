// Keyboard moves on the seat map: left/right walk a row, up/down go to the nearest seat of the
// row in front/behind in the same section; at an edge, the nearest seat in that direction
// anywhere on the map (so every seat is reachable from every other).
import type { StaticSeatMap } from '../../lib/seat-map/get-static-seat-map';

export type Direction = 'left' | 'right' | 'up' | 'down';
export type SeatIndex = { rowOf: Int32Array; rows: number[][]; sectionRows: Map<number, number[]> };

export function indexSeatRows(map: StaticSeatMap): SeatIndex {
  const { section, row, x, y } = map.seats;
  const byRow = new Map<string, number[]>();
  for (let i = 0; i < map.seatCount; i++) {
    const key = `${section[i]}\u0000${row[i]}`;
    let list = byRow.get(key);
    if (!list) byRow.set(key, (list = []));
    list.push(i);
  }
  const rows = [...byRow.values()].map((list) => list.sort((a, b) => x[a]! - x[b]!));
  const rowOf = new Int32Array(map.seatCount);
  rows.forEach((list, r) => list.forEach((i) => (rowOf[i] = r)));
  const meanY = rows.map((list) => list.reduce((sum, i) => sum + y[i]!, 0) / list.length);
  const sectionRows = new Map<number, number[]>();
  rows.forEach((list, r) => {
    const s = section[list[0]!]!;
    if (!sectionRows.has(s)) sectionRows.set(s, []);
    sectionRows.get(s)!.push(r);
  });
  for (const list of sectionRows.values()) list.sort((a, b) => meanY[a]! - meanY[b]!);
  return { rowOf, rows, sectionRows };
}

function nearestInDirection(map: StaticSeatMap, from: number, direction: Direction): number {
  const { x, y } = map.seats;
  const cx = x[from]!;
  const cy = y[from]!;
  let best = from;
  let bestScore = Infinity;
  for (let i = 0; i < map.seatCount; i++) {
    const dx = x[i]! - cx;
    const dy = y[i]! - cy;
    const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
    if (along <= 0) continue;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    const score = along + 3 * across;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

export function neighbourOf(map: StaticSeatMap, index: SeatIndex, from: number, direction: Direction): number {
  const r = index.rowOf[from]!;
  const row = index.rows[r]!;
  const at = row.indexOf(from);
  if (direction === 'left' && at > 0) return row[at - 1]!;
  if (direction === 'right' && at < row.length - 1) return row[at + 1]!;
  if (direction === 'up' || direction === 'down') {
    const sectionRows = index.sectionRows.get(map.seats.section[from]!)!;
    const next = sectionRows[sectionRows.indexOf(r) + (direction === 'up' ? -1 : 1)];
    if (next !== undefined) {
      const cx = map.seats.x[from]!;
      return index.rows[next]!.reduce((best, i) => (Math.abs(map.seats.x[i]! - cx) < Math.abs(map.seats.x[best]! - cx) ? i : best));
    }
  }
  return nearestInDirection(map, from, direction);
}
