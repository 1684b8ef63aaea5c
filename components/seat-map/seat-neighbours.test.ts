import { describe, expect, it } from 'vitest';
import type { StaticSeatMap } from '../../lib/seat-map/get-static-seat-map';
import { indexSeatRows, neighbourOf } from './seat-neighbours';

// Two sections side by side; section 0 has two rows (row "1" nearer the stage), section 1 one row.
//   y=10:  0 1 2      6 7
//   y=20:  3 4 5
const map: StaticSeatMap = {
  hallId: 'h',
  version: 1,
  width: 100,
  height: 100,
  seatCount: 8,
  sections: ['L', 'R'],
  grades: ['R'],
  seats: {
    section: [0, 0, 0, 0, 0, 0, 1, 1],
    row: ['1', '1', '1', '2', '2', '2', '1', '1'],
    number: [1, 2, 3, 1, 2, 3, 1, 2],
    x: [10, 20, 30, 10, 20, 30, 60, 70],
    y: [10, 10, 10, 20, 20, 20, 10, 10],
    grade: [0, 0, 0, 0, 0, 0, 0, 0],
  },
};
const index = indexSeatRows(map);

describe('seat map keyboard moves', () => {
  it('walks a row with left/right and crosses to the next section at its end', () => {
    expect(neighbourOf(map, index, 0, 'right')).toBe(1);
    expect(neighbourOf(map, index, 1, 'left')).toBe(0);
    expect(neighbourOf(map, index, 2, 'right')).toBe(6);
    expect(neighbourOf(map, index, 6, 'left')).toBe(2);
  });

  it('goes to the nearest seat of the row behind or in front with down/up', () => {
    expect(neighbourOf(map, index, 1, 'down')).toBe(4);
    expect(neighbourOf(map, index, 5, 'up')).toBe(2);
  });

  it('stays put where there is no seat in that direction', () => {
    expect(neighbourOf(map, index, 0, 'left')).toBe(0);
    expect(neighbourOf(map, index, 0, 'up')).toBe(0);
  });
});
