import { describe, expect, it } from 'vitest';
import { ARENA_SIZE, generateArenaSeats } from './generate-arena-seats';

describe('generateArenaSeats', () => {
  const seats = generateArenaSeats();

  it('builds a hall of more than 5,000 seats in several sections and four grades', () => {
    expect(seats.length).toBeGreaterThan(5_000);
    expect(new Set(seats.map((s) => s.section)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(seats.map((s) => s.grade))).toEqual(new Set(['VIP', 'R', 'S', 'A']));
  });

  it('gives every seat a unique place inside the hall and no two seats the same spot', () => {
    const keys = new Set(seats.map((s) => `${s.section}/${s.rowLabel}/${s.number}`));
    const spots = new Set(seats.map((s) => `${s.x},${s.y}`));
    expect(keys.size).toBe(seats.length);
    expect(spots.size).toBe(seats.length);
    for (const seat of seats) {
      expect(seat.x).toBeGreaterThanOrEqual(0);
      expect(seat.x).toBeLessThan(ARENA_SIZE.width);
      expect(seat.y).toBeLessThan(ARENA_SIZE.height);
    }
  });

  it('keeps sections from overlapping on the map', () => {
    const bySection = new Map<string, typeof seats>();
    for (const seat of seats) bySection.set(seat.section, [...(bySection.get(seat.section) ?? []), seat]);
    const boxes = [...bySection.values()].map((group) => ({
      minX: Math.min(...group.map((s) => s.x)),
      maxX: Math.max(...group.map((s) => s.x)),
      minY: Math.min(...group.map((s) => s.y)),
      maxY: Math.max(...group.map((s) => s.y)),
    }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;
        expect(overlap).toBe(false);
      }
    }
  });
});
