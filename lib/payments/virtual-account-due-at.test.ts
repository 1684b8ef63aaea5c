import { describe, expect, it } from 'vitest';
import { virtualAccountDueAt } from './virtual-account-due-at';

const now = new Date('2030-03-10T03:00:00Z');
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const base = { now, maxHours: 24, cutoffHoursBeforeShow: 24 };

describe('virtualAccountDueAt', () => {
  it('gives the configured maximum when the sale and the show are far away', () => {
    expect(virtualAccountDueAt({ ...base, saleClosesAt: hours(24 * 20), startsAt: hours(24 * 21) })).toEqual(hours(24));
  });
  it('never outlives the sale window', () => {
    expect(virtualAccountDueAt({ ...base, saleClosesAt: hours(5), startsAt: hours(24 * 21) })).toEqual(hours(5));
  });
  it('is shorter near the show: the deposit must land a day before it', () => {
    expect(virtualAccountDueAt({ ...base, saleClosesAt: hours(100), startsAt: hours(30) })).toEqual(hours(6));
  });
  it('is not offered when less than half an hour would remain', () => {
    expect(virtualAccountDueAt({ ...base, saleClosesAt: hours(0.4), startsAt: hours(24 * 21) })).toBeNull();
  });
});
