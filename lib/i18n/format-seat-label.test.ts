import { describe, expect, it } from 'vitest';
import { createFormat } from './create-format';

describe('seat labels', () => {
  it('follow the reader\'s language and keep the section name as the organiser typed it', () => {
    const seat = { section: 'Floor B', row: '1', number: 9 };
    expect(createFormat('ko').seat(seat)).toBe('Floor B 1열 9번');
    expect(createFormat('en').seat(seat)).toBe('Floor B, row 1, seat 9');
    expect(createFormat('en').seat({ section: '1층', row: 'A', number: 12 })).toBe('1층, row A, seat 12');
  });
});
