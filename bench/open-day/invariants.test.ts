import { describe, expect, it } from 'vitest';
import { planFans } from './arrivals';
import type { FanResult } from './fan';
import { admissionRate, countQueueInversions } from './invariants';

const T = 1_800_000_000_000;

function fan(userId: string, seq: number, admittedUntil: number | null, options: { preQueue?: boolean; joinedAt?: number } = {}): FanResult {
  const joinedAt = options.joinedAt ?? T;
  return {
    index: 0,
    userId,
    outcome: 'confirmed',
    seq,
    preQueue: options.preQueue ?? false,
    admittedUntil,
    joins: 1,
    joinedBetween: [joinedAt, joinedAt + 10],
    seats: [],
    reservationId: null,
    paymentId: null,
    errors: 0,
  };
}

describe('countQueueInversions', () => {
  it('counts no inversion when later joiners are admitted in the same or a later tick', () => {
    const fans = [fan('a', 1, T + 1_000), fan('b', 2, T + 1_000), fan('c', 3, T + 2_000)];
    expect(countQueueInversions(fans, new Map())).toEqual({ inversions: 0, ranked: 3, unranked: 0 });
  });

  it('counts every pair admitted against the order of arrival', () => {
    const fans = [fan('a', 1, T + 3_000), fan('b', 2, T + 2_000), fan('c', 3, T + 1_000)];
    expect(countQueueInversions(fans, new Map()).inversions).toBe(3);
  });

  it('orders the pre-queue by its draw, before anyone who came after the opening', () => {
    const SPAN = 2 ** 24;
    // Drawn order: b (score 1·2^24+2) before a (score 5·2^24+1); c came after the opening.
    const draws = new Map([
      ['a', 5 * SPAN + 1],
      ['b', 1 * SPAN + 2],
    ]);
    const inOrder = [fan('a', 1, T + 2_000, { preQueue: true }), fan('b', 2, T + 1_000, { preQueue: true }), fan('c', 3, T + 3_000)];
    expect(countQueueInversions(inOrder, draws).inversions).toBe(0);
    const aFirst = [fan('a', 1, T + 1_000, { preQueue: true }), fan('b', 2, T + 2_000, { preQueue: true }), fan('c', 3, T + 500)];
    expect(countQueueInversions(aFirst, draws).inversions).toBe(3);
  });

  it('judges order within each queue between Redis outages, and leaves a join across one unranked', () => {
    const outage: [number, number] = [T + 10_000, T + 11_000];
    const fans = [
      fan('a', 5, T + 5_000, { joinedAt: T }),
      // After the restart the sequence starts over: seq 1 is behind everyone of the first queue.
      fan('b', 1, T + 20_000, { joinedAt: T + 12_000 }),
      fan('c', 2, T + 21_000, { joinedAt: T + 13_000 }),
      fan('d', 3, T + 15_000, { joinedAt: T + 10_500 }),
    ];
    expect(countQueueInversions(fans, new Map(), [outage])).toEqual({ inversions: 0, ranked: 3, unranked: 1 });
    expect(countQueueInversions(fans, new Map()).inversions).toBeGreaterThan(0);
  });
});

describe('admissionRate', () => {
  it('measures admissions a minute while the queue held a backlog, without the opening burst', () => {
    const SESSION = 900;
    // 600 a minute: 10 a second for 20 s after a burst of 20 at the opening tick.
    const fans = Array.from({ length: 220 }, (_, i) => fan(`u${i}`, i + 1, T + SESSION * 1000 + (i < 20 ? 0 : Math.floor((i - 20) / 10) * 1000 + 1000)));
    const rate = admissionRate(fans, { sessionSeconds: SESSION, admitPerMinute: 600, backlogUntilMs: T + 20_000 });
    expect(rate.measuredPerMinute).toBe(600);
    expect(rate.error).toBe(0);
  });
});

describe('planFans', () => {
  const curve = { preQueueSeconds: 30, preQueueShare: 0.35, spikeSeconds: 10, spikeShare: 0.5, tailSeconds: 60 };
  const shares = { bestAvailable: 0.4, declined: 0.05, abandoned: 0.05, late: 0.03, cancels: 0.04 };

  it('draws the same schedule from the same seed, on the curve it was given', () => {
    const plans = planFans(5_000, curve, shares, 7);
    expect(planFans(5_000, curve, shares, 7)).toEqual(plans);
    const early = plans.filter((p) => p.arrivalMs < 0).length / plans.length;
    const spike = plans.filter((p) => p.arrivalMs >= 0 && p.arrivalMs <= 10_000).length / plans.length;
    expect(early).toBeGreaterThan(0.3);
    expect(early).toBeLessThan(0.4);
    expect(spike).toBeGreaterThan(0.5);
    expect(Math.min(...plans.map((p) => p.arrivalMs))).toBeGreaterThanOrEqual(-30_000);
    expect(Math.max(...plans.map((p) => p.arrivalMs))).toBeLessThanOrEqual(60_000);
    expect(new Set(plans.map((p) => p.ip)).size).toBe(plans.length);
  });
});
