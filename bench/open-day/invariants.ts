// What must hold after the sale, read from PostgreSQL (the truth), and the waiting room's order
// and rate, read from what the fans were told. Every count here must be 0 except the figures.
import type { Db } from '../../lib/db/create-prisma';
import type { FanResult } from './fan';
import { percentile, round } from './http-client';

export type Invariants = {
  seatsSold: number;
  hallSeats: number;
  /** Seats confirmed in more than one reservation, plus any confirmed beyond the hall. */
  oversold: number;
  /** Seats in two reservations that are both live (pending, awaiting deposit or confirmed). */
  seatsInTwoLiveReservations: number;
  /** A PAID payment whose reservation is not CONFIRMED. */
  paidButNotConfirmed: number;
  /** A CONFIRMED reservation without a PAID payment. */
  confirmedButNotPaid: number;
};

export async function readInvariants(db: Db, performanceId: string, hallSeats: number): Promise<Invariants> {
  const [row] = await db.$queryRawUnsafe<Array<Record<keyof Omit<Invariants, 'hallSeats'>, number>>>(
    `WITH items AS (
       SELECT i.seat_id, r.status::text AS status, r.id AS reservation_id
         FROM ticket.reservation_items i JOIN ticket.reservations r ON r.id = i.reservation_id
        WHERE r.performance_id = $1::uuid)
     SELECT
       (SELECT count(*) FROM items WHERE status = 'CONFIRMED')::int AS "seatsSold",
       ((SELECT count(*) FROM (SELECT seat_id FROM items WHERE status = 'CONFIRMED' GROUP BY seat_id HAVING count(*) > 1) s)
         + greatest(0, (SELECT count(*) FROM items WHERE status = 'CONFIRMED') - $2::int))::int AS oversold,
       (SELECT count(*) FROM (SELECT seat_id FROM items WHERE status IN ('PENDING', 'AWAITING_DEPOSIT', 'CONFIRMED') GROUP BY seat_id HAVING count(*) > 1) s)::int
         AS "seatsInTwoLiveReservations",
       (SELECT count(*) FROM payment.payments p JOIN ticket.reservations r ON r.id = p.reservation_id
         WHERE r.performance_id = $1::uuid AND p.status = 'PAID' AND r.status <> 'CONFIRMED')::int AS "paidButNotConfirmed",
       (SELECT count(*) FROM ticket.reservations r
         WHERE r.performance_id = $1::uuid AND r.status = 'CONFIRMED'
           AND NOT EXISTS (SELECT 1 FROM payment.payments p WHERE p.reservation_id = r.id AND p.status = 'PAID'))::int AS "confirmedButNotPaid"`,
    performanceId,
    hallSeats,
  );
  return { ...row!, hallSeats };
}

/** Still settling: reservations or payments that the reconciler and the expiry have yet to end. */
export async function countUnsettled(db: Db, performanceId: string): Promise<number> {
  const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT ((SELECT count(*) FROM ticket.reservations WHERE performance_id = $1::uuid AND status = 'PENDING')
          + (SELECT count(*) FROM payment.payments p JOIN ticket.reservations r ON r.id = p.reservation_id
              WHERE r.performance_id = $1::uuid AND p.status IN ('READY', 'PAY_PENDING')))::int AS n`,
    performanceId,
  );
  return row!.n;
}

/**
 * Pairs of admitted fans admitted in the wrong order: fan a should go before fan b (a pre-queue
 * draw before a later one, any pre-queue fan before any fan who came after the opening, and
 * among those the order of arrival), yet b's admission came in an earlier tick than a's.
 * `preQueueScores`: each pre-queue fan's drawn score, read from Redis before the opening.
 */
export function countQueueInversions(
  fans: FanResult[],
  preQueueScores: Map<string, number>,
  redisOutages: Array<[number, number]> = [],
): { inversions: number; ranked: number; unranked: number } {
  const POST_OPENING = 2 ** 52;
  const SEQ_SPAN = 2 ** 24;
  // A Redis restart empties the room: everyone joins again into a new queue (its seq starts over),
  // so order is judged within each queue. A join in flight across an outage cannot be placed.
  const epochs = new Map<number, Array<{ key: number; admittedUntil: number }>>();
  let unranked = 0;
  for (const fan of fans) {
    if (fan.admittedUntil === null) continue;
    if (fan.seq === null || fan.joinedBetween === null) {
      unranked++;
      continue;
    }
    const [sent, answered] = fan.joinedBetween;
    if (redisOutages.some(([down, up]) => sent <= up && answered >= down)) {
      unranked++;
      continue;
    }
    const epoch = redisOutages.filter(([, up]) => up < sent).length;
    // The pre-queue draw, if this place is the one drawn (a fan whose place expired joined again after the opening).
    const drawn = preQueueScores.get(fan.userId);
    const key = drawn !== undefined && drawn % SEQ_SPAN === fan.seq ? drawn : fan.preQueue ? undefined : POST_OPENING + fan.seq;
    if (key === undefined) unranked++;
    else epochs.set(epoch, [...(epochs.get(epoch) ?? []), { key, admittedUntil: fan.admittedUntil }]);
  }
  let inversions = 0;
  let ranked = 0;
  for (const queue of epochs.values()) {
    queue.sort((a, b) => a.key - b.key || a.admittedUntil - b.admittedUntil);
    inversions += countDescendingPairs(queue.map((r) => r.admittedUntil));
    ranked += queue.length;
  }
  return { inversions, ranked, unranked };
}

/** Pairs i < j with values[i] > values[j], by merge sort (O(n log n)). */
function countDescendingPairs(values: number[]): number {
  if (values.length < 2) return 0;
  const mid = values.length >> 1;
  const left = values.slice(0, mid);
  const right = values.slice(mid);
  let count = countDescendingPairs(left) + countDescendingPairs(right);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < left.length && j < right.length) {
    if (left[i]! <= right[j]!) values[k++] = left[i++]!;
    else {
      count += left.length - i;
      values[k++] = right[j++]!;
    }
  }
  while (i < left.length) values[k++] = left[i++]!;
  while (j < right.length) values[k++] = right[j++]!;
  return count;
}

/**
 * The admission rate while fans were waiting for it: admissions (session deadline − session
 * length = admission instant) inside the window where the queue still held more than two
 * seconds' worth of fans, against the room's setting.
 */
export function admissionRate(fans: FanResult[], options: { sessionSeconds: number; admitPerMinute: number; backlogUntilMs: number | null }) {
  const admittedAt = fans
    .filter((f) => f.admittedUntil !== null)
    .map((f) => f.admittedUntil! - options.sessionSeconds * 1000)
    .sort((a, b) => a - b);
  if (admittedAt.length < 2) return { measuredPerMinute: null, configuredPerMinute: options.admitPerMinute, error: null, windowSeconds: 0, admissions: admittedAt.length };
  const start = admittedAt[0]!;
  const end = Math.min(options.backlogUntilMs ?? admittedAt[admittedAt.length - 1]!, admittedAt[admittedAt.length - 1]!);
  const inWindow = admittedAt.filter((t) => t <= end).length;
  const windowSeconds = (end - start) / 1000;
  // Under ten seconds of backlog (a small run) the tick and the burst decide the figure, not the rate.
  if (windowSeconds < 10) return { measuredPerMinute: null, configuredPerMinute: options.admitPerMinute, error: null, windowSeconds, admissions: admittedAt.length };
  // The first tick after the opening admits the bucket's burst (two seconds' worth) at once: not part of the rate.
  const burst = Math.floor(options.admitPerMinute / 30);
  const measured = (Math.max(0, inWindow - burst) / windowSeconds) * 60;
  return {
    measuredPerMinute: round(measured, 1),
    configuredPerMinute: options.admitPerMinute,
    error: round((measured - options.admitPerMinute) / options.admitPerMinute, 4),
    windowSeconds: round(windowSeconds, 1),
    admissions: admittedAt.length,
  };
}

/** Outbox: commit → publish lag of this run's events, and what is still unpublished. */
export async function outboxLag(db: Db, sinceMs: number) {
  const rows = await db.$queryRawUnsafe<{ lag_ms: number | null }[]>(
    `SELECT (extract(epoch FROM (published_at - created_at)) * 1000)::float8 AS lag_ms FROM common.outbox_events WHERE created_at >= $1`,
    new Date(sinceMs),
  );
  const lags = rows.flatMap((r) => (r.lag_ms === null ? [] : [r.lag_ms])).sort((a, b) => a - b);
  return {
    events: rows.length,
    unpublished: rows.length - lags.length,
    p50Ms: round(percentile(lags, 50), 1),
    p95Ms: round(percentile(lags, 95), 1),
    p99Ms: round(percentile(lags, 99), 1),
    maxMs: round(lags[lags.length - 1] ?? NaN, 1),
  };
}

/** Payment settled → booking confirmed (the event's trip through Kafka and the reservations role). */
export async function confirmationLag(db: Db, performanceId: string) {
  const rows = await db.$queryRawUnsafe<{ lag_ms: number }[]>(
    `SELECT (extract(epoch FROM (r.confirmed_at - p.paid_at)) * 1000)::float8 AS lag_ms
       FROM ticket.reservations r JOIN payment.payments p ON p.reservation_id = r.id AND p.status = 'PAID'
      WHERE r.performance_id = $1::uuid AND r.confirmed_at IS NOT NULL AND p.paid_at IS NOT NULL`,
    performanceId,
  );
  const lags = rows.map((r) => r.lag_ms).sort((a, b) => a - b);
  return { confirmed: lags.length, p50Ms: round(percentile(lags, 50), 1), p95Ms: round(percentile(lags, 95), 1), p99Ms: round(percentile(lags, 99), 1), maxMs: round(lags[lags.length - 1] ?? NaN, 1) };
}
