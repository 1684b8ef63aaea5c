import { describe, expect, it } from 'vitest';
import { localDayStart } from './local-day-start';

describe('localDayStart', () => {
  it('gives the instant a day begins on the zone\'s calendar, or the next day\'s for an inclusive end', () => {
    expect(localDayStart('2026-12-01', 'Asia/Seoul')).toBe('2026-11-30T15:00:00.000Z');
    expect(localDayStart('2026-12-01', 'Asia/Seoul', 1)).toBe('2026-12-01T15:00:00.000Z');
    expect(localDayStart('2026-12-31', 'Asia/Seoul', 1)).toBe('2026-12-31T15:00:00.000Z');
    // A day that starts in summer time in New York (UTC-4).
    expect(localDayStart('2026-07-04', 'America/New_York')).toBe('2026-07-04T04:00:00.000Z');
  });

  it('ignores anything that is not a day', () => {
    for (const junk of [undefined, '', '2026-12', '12/01/2026', '2026-12-01T00:00']) expect(localDayStart(junk, 'Asia/Seoul')).toBeUndefined();
  });
});
