import { describe, expect, it } from 'vitest';
import { encodeSeatStates, seatStateAt, stateBytesLength } from './encode-seat-states';

describe('seat state encoding', () => {
  it('packs 5,248 seats into 1,312 bytes', () => {
    expect(stateBytesLength(5_248)).toBe(1_312);
    expect(stateBytesLength(5)).toBe(2);
  });

  it('places seat i where Redis BITFIELD u2 #i reads it (most significant bits first)', () => {
    const bytes = encodeSeatStates(8, [[0, 2], [1, 1], [5, 2]]);
    expect(Array.from(bytes)).toEqual([0b10_01_00_00, 0b00_10_00_00]);
    expect([0, 1, 2, 5, 7].map((i) => seatStateAt(bytes, i))).toEqual([2, 1, 0, 2, 0]);
  });
});
