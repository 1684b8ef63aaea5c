import { describe, expect, it } from 'vitest';
import { pollAfterMs } from './poll-after';

const OPENS = Date.parse('2027-01-10T11:00:00Z');
const after = { opensAt: OPENS, nowMs: OPENS + 60_000, idleMs: 300_000 };

describe('pollAfterMs', () => {
  it('asks after three quarters of the wait, between 2 s and the idle timeout / 2.5', () => {
    expect(pollAfterMs({ ...after, ahead: 599, etaSeconds: 20 })).toBe(15_000);
    expect(pollAfterMs({ ...after, ahead: 10, etaSeconds: 1 })).toBe(2_000);
    expect(pollAfterMs({ ...after, ahead: 15_000, etaSeconds: 500 })).toBe(120_000);
    expect(pollAfterMs({ ...after, idleMs: 60_000, ahead: 15_000, etaSeconds: 500 })).toBe(24_000);
  });

  it('asks every 15 s while the ETA is unknown (paused, no rate yet), sooner if the timeout is short', () => {
    expect(pollAfterMs({ ...after, ahead: 100, etaSeconds: null })).toBe(15_000);
    expect(pollAfterMs({ ...after, idleMs: 20_000, ahead: 100, etaSeconds: null })).toBe(8_000);
  });

  it('sends the pre-queue back just after the opening, or at the longest interval when that is far', () => {
    expect(pollAfterMs({ ...after, nowMs: OPENS - 30_000, ahead: null, etaSeconds: null })).toBe(32_000);
    expect(pollAfterMs({ ...after, nowMs: OPENS - 3_600_000, ahead: null, etaSeconds: null })).toBe(120_000);
  });
});
