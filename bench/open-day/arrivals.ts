// When each fan arrives, relative to the opening instant, and what they will do: drawn up front
// from a seeded generator, so the schedule is the same every run and never depends on how fast
// the server answers (an open model: a slow server cannot slow the arrivals and hide its latency).
//
// The curve of a real opening: a pre-queue of fans who came early (uniform over the minutes
// before), a spike at the opening second (exponential decay), and a tail of latecomers.

export type PayOutcome = 'paid' | 'declined' | 'abandoned' | 'late';

export type FanPlan = {
  index: number;
  /** Milliseconds after (negative: before) the opening instant. */
  arrivalMs: number;
  seatCount: 1 | 2 | 3 | 4;
  /** Pick seats on the map (crowding the front) or ask for the best available of a grade. */
  picking: 'manual' | 'best-available';
  /** Grade asked for by best-available fans (then cheaper ones when it is gone). */
  grade: string;
  pay: PayOutcome;
  /** Cancels the reservation instead of paying. */
  cancels: boolean;
  /** Documentation-range address, so each browser has rate-limit buckets of its own. */
  ip: string;
};

export type ArrivalCurve = { preQueueSeconds: number; preQueueShare: number; spikeSeconds: number; spikeShare: number; tailSeconds: number };
export type FanShares = { bestAvailable: number; declined: number; abandoned: number; late: number; cancels: number };

/** mulberry32: small, fast and good enough for a schedule. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const GRADES = ['VIP', 'R', 'S', 'A'] as const;
const GRADE_WEIGHTS = [0.3, 0.3, 0.25, 0.15];
// Most fans buy two: Interpark's 1-4 limit is used as 2 > 1 > 4 > 3 (our guess at a typical mix).
const SEAT_COUNTS = [1, 2, 3, 4] as const;
const SEAT_COUNT_WEIGHTS = [0.25, 0.45, 0.1, 0.2];

function weighted<T>(random: () => number, values: readonly T[], weights: number[]): T {
  let u = random();
  for (let i = 0; i < values.length; i++) {
    u -= weights[i]!;
    if (u < 0) return values[i]!;
  }
  return values[values.length - 1]!;
}

export function planFans(count: number, curve: ArrivalCurve, shares: FanShares, seed: number): FanPlan[] {
  const random = seededRandom(seed);
  const plans: FanPlan[] = [];
  for (let index = 0; index < count; index++) {
    const u = random();
    let arrivalMs: number;
    if (u < curve.preQueueShare) {
      arrivalMs = -random() * curve.preQueueSeconds * 1000;
    } else if (u < curve.preQueueShare + curve.spikeShare) {
      // Exponential with a third of the spike as its mean, cut at the spike's end.
      arrivalMs = Math.min(curve.spikeSeconds, (-Math.log(1 - random()) * curve.spikeSeconds) / 3) * 1000;
    } else {
      arrivalMs = random() * curve.tailSeconds * 1000;
    }
    const payDraw = random();
    const pay: PayOutcome =
      payDraw < shares.declined ? 'declined' : payDraw < shares.declined + shares.abandoned ? 'abandoned' : payDraw < shares.declined + shares.abandoned + shares.late ? 'late' : 'paid';
    plans.push({
      index,
      arrivalMs: Math.round(arrivalMs),
      seatCount: weighted(random, SEAT_COUNTS, SEAT_COUNT_WEIGHTS),
      picking: random() < shares.bestAvailable ? 'best-available' : 'manual',
      grade: weighted(random, GRADES, GRADE_WEIGHTS),
      pay,
      cancels: random() < shares.cancels,
      ip: `2001:db8:${(index >> 16).toString(16)}:${(index & 0xffff).toString(16)}::1`,
    });
  }
  return plans;
}
