import { describe, expect, it } from 'vitest';
import { getSaleWindowState } from './get-sale-window-state';

const now = new Date('2027-01-10T12:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
const windows = (presale: [number, number] | null, general: [number, number], status: 'PUBLISHED' | 'CANCELLED' = 'PUBLISHED') => ({
  status,
  presaleOpensAt: presale ? at(presale[0]) : null,
  presaleClosesAt: presale ? at(presale[1]) : null,
  generalSaleOpensAt: at(general[0]),
  generalSaleClosesAt: at(general[1]),
});

describe('getSaleWindowState', () => {
  it('is on sale while the general window is open and counts down to its close', () => {
    const state = getSaleWindowState(windows(null, [-1, 48]), now);
    expect(state.phase).toBe('on_sale');
    expect(state.general.state).toBe('open');
    expect(state.nextChangeAt).toBe(at(48).toISOString());
  });

  it('is in member presale while only the presale is open, counting down to its close', () => {
    const state = getSaleWindowState(windows([-1, 23], [24, 72]), now);
    expect(state.phase).toBe('presale');
    expect(state.presale?.state).toBe('open');
    expect(state.general.state).toBe('upcoming');
    expect(state.nextChangeAt).toBe(at(23).toISOString());
  });

  it('is before sale until the first window opens, counting down to it', () => {
    const state = getSaleWindowState(windows(null, [1 / 6, 72]), now);
    expect(state.phase).toBe('before_sale');
    expect(state.nextChangeAt).toBe(at(1 / 6).toISOString());
    expect(getSaleWindowState(windows([2, 5], [6, 72]), now).phase).toBe('before_sale');
  });

  it('is between sales after the presale closed and before the general sale opens', () => {
    expect(getSaleWindowState(windows([-5, -2], [3, 72]), now).phase).toBe('between_sales');
  });

  it('is closed after the general sale and cancelled whatever the clock says', () => {
    expect(getSaleWindowState(windows(null, [-72, -1]), now)).toMatchObject({ phase: 'closed', nextChangeAt: null });
    expect(getSaleWindowState(windows(null, [-1, 48], 'CANCELLED'), now)).toMatchObject({ phase: 'cancelled', nextChangeAt: null });
  });

  it('opens exactly at the opening instant and closes exactly at the closing instant', () => {
    expect(getSaleWindowState(windows(null, [0, 1]), now).phase).toBe('on_sale');
    expect(getSaleWindowState(windows(null, [-1, 0]), now).phase).toBe('closed');
  });
});
