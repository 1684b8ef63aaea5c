// The admin dashboard's figures for a date range and optionally one event, read from the stats
// tables (kept by the stats role) and, for the waiting room, from Redis and stats.queue_samples.
// Days are the venues' calendar days (stats.daily_sales); a range of two days or less is drawn by
// the hour. Occupancy is the current state; the waiting room's joined/admitted/held are running
// totals since each room opened (Redis counters), not limited to the range.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { Prisma } from '../db/generated/client';
import { zonedInputToInstant } from '../i18n/zoned-input-to-instant';
import { queueKeys } from '../queue/queue-keys';
import type { Redis } from '../redis/create-redis';
import { SALES_COUNTER_COLUMNS, SALES_COUNTERS, type SalesCounters } from './sales-counters';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MAX_RANGE_DAYS = 366;
const HOURLY_UP_TO_DAYS = 2;
// The waiting-room chart shows the last two hours of the range, a point a minute.
const WAITING_WINDOW_MS = 2 * HOUR_MS;
const DEFAULT_TIME_ZONE = 'Asia/Seoul';

export const DashboardStatsInput = z
  .object({ from: z.iso.date(), to: z.iso.date(), eventId: z.uuid().optional() })
  .refine((input) => input.from <= input.to, { path: ['to'], message: 'to must not be before from' })
  .refine((input) => Date.parse(input.to) - Date.parse(input.from) <= MAX_RANGE_DAYS * DAY_MS, { path: ['to'], message: `at most ${MAX_RANGE_DAYS} days` });
export type DashboardStatsInput = z.infer<typeof DashboardStatsInput>;

export type DashboardStats = {
  timeZone: string;
  granularity: 'hour' | 'day';
  totals: SalesCounters & { netSeatsSold: number; netRevenueKrw: number; paymentSuccessRate: number | null; newMemberships: number };
  series: { bucket: string; seatsSold: number; netRevenueKrw: number }[];
  occupancy: { grade: string; sold: number; capacity: number }[];
  funnel: { joined: number; admitted: number; held: number; reserved: number; paid: number; checkedIn: number };
  failures: { reason: string; count: number }[];
  waitingRoom: { at: string; waiting: number; admitted: number }[];
  live: { waiting: number; active: number };
  topEvents: { eventId: string; title: string; seatsSold: number; netRevenueKrw: number }[];
  events: { id: string; title: string }[];
};

export async function getDashboardStats(deps: { db: Db; redis: Redis }, input: DashboardStatsInput, nowMs: number): Promise<DashboardStats> {
  const { from, to, eventId } = DashboardStatsInput.parse(input);
  const filter = eventId ? Prisma.sql`p.event_id = ${eventId}::uuid` : Prisma.sql`TRUE`;
  const timeZone = eventId ? await eventTimeZone(deps.db, eventId) : DEFAULT_TIME_ZONE;
  const start = zonedInputToInstant(`${from}T00:00`, timeZone);
  const end = zonedInputToInstant(`${nextDay(to)}T00:00`, timeZone);
  const granularity = Date.parse(to) - Date.parse(from) < HOURLY_UP_TO_DAYS * DAY_MS ? 'hour' : 'day';

  const [totals, series, occupancy, failures, waitingRoom, queue, topEvents, events, newMemberships] = await Promise.all([
    sumDaily(deps.db, filter, from, to),
    granularity === 'hour' ? hourlySeries(deps.db, filter, start, end) : dailySeries(deps.db, filter, from, to),
    occupancyByGrade(deps.db, filter),
    failureReasons(deps.db, filter, from, to),
    waitingRoomSeries(deps.db, filter, start, new Date(Math.min(end.getTime(), nowMs))),
    queueCounters(deps, filter),
    topEventsIn(deps.db, from, to),
    deps.db.event.findMany({ select: { id: true, title: true }, orderBy: { title: 'asc' }, take: 500 }),
    countNewMemberships(deps.db, from, to, eventId),
  ]);
  const settledOrFailed = totals.paymentsSettled + totals.paymentsFailed;
  return {
    timeZone,
    granularity,
    totals: {
      ...totals,
      netSeatsSold: totals.seatsSold - totals.seatsRefunded,
      netRevenueKrw: totals.salesKrw - totals.refundedKrw,
      paymentSuccessRate: settledOrFailed ? totals.paymentsSettled / settledOrFailed : null,
      newMemberships,
    },
    series,
    occupancy,
    funnel: { ...queue.funnel, reserved: totals.seatsReserved, paid: totals.seatsSold, checkedIn: totals.checkIns },
    failures,
    waitingRoom,
    live: queue.live,
    topEvents,
    events,
  };
}

function nextDay(day: string): string {
  return new Date(Date.parse(day) + DAY_MS).toISOString().slice(0, 10);
}

async function eventTimeZone(db: Db, eventId: string): Promise<string> {
  const performance = await db.performance.findFirst({ where: { eventId }, orderBy: { startsAt: 'asc' }, select: { hall: { select: { venue: { select: { timeZone: true } } } } } });
  return performance?.hall.venue.timeZone ?? DEFAULT_TIME_ZONE;
}

const SUMS = Prisma.raw(SALES_COUNTERS.map((counter) => `coalesce(sum(d.${SALES_COUNTER_COLUMNS[counter]}), 0)::bigint AS "${counter}"`).join(', '));

async function sumDaily(db: Db, filter: Prisma.Sql, from: string, to: string): Promise<SalesCounters> {
  const [row] = await db.$queryRaw<Record<string, bigint>[]>`
    SELECT ${SUMS} FROM stats.daily_sales d JOIN ticket.performances p ON p.id = d.performance_id
     WHERE d.day BETWEEN ${from}::date AND ${to}::date AND ${filter}`;
  return Object.fromEntries(SALES_COUNTERS.map((counter) => [counter, Number(row?.[counter] ?? 0)])) as SalesCounters;
}

type SeriesRow = { bucket: string; seats: bigint; revenue: bigint };
const toPoint = (row: SeriesRow) => ({ seatsSold: Number(row.seats), netRevenueKrw: Number(row.revenue) });

async function dailySeries(db: Db, filter: Prisma.Sql, from: string, to: string): Promise<DashboardStats['series']> {
  const rows = await db.$queryRaw<SeriesRow[]>`
    SELECT to_char(d.day, 'YYYY-MM-DD') AS bucket, sum(d.seats_sold - d.seats_refunded)::bigint AS seats, sum(d.sales_krw - d.refunded_krw)::bigint AS revenue
      FROM stats.daily_sales d JOIN ticket.performances p ON p.id = d.performance_id
     WHERE d.day BETWEEN ${from}::date AND ${to}::date AND ${filter}
     GROUP BY d.day`;
  const byDay = new Map(rows.map((row) => [row.bucket, toPoint(row)]));
  const points: DashboardStats['series'] = [];
  for (let day = from; day <= to; day = nextDay(day)) points.push({ bucket: day, ...(byDay.get(day) ?? { seatsSold: 0, netRevenueKrw: 0 }) });
  return points;
}

async function hourlySeries(db: Db, filter: Prisma.Sql, start: Date, end: Date): Promise<DashboardStats['series']> {
  const rows = await db.$queryRaw<SeriesRow[]>`
    SELECT to_char(h.hour AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:00:00.000"Z"') AS bucket,
           sum(h.seats_sold - h.seats_refunded)::bigint AS seats, sum(h.sales_krw - h.refunded_krw)::bigint AS revenue
      FROM stats.hourly_sales h JOIN ticket.performances p ON p.id = h.performance_id
     WHERE h.hour >= ${start.toISOString()}::timestamptz AND h.hour < ${end.toISOString()}::timestamptz AND ${filter}
     GROUP BY h.hour`;
  const byHour = new Map(rows.map((row) => [row.bucket, toPoint(row)]));
  const points: DashboardStats['series'] = [];
  for (let at = start.getTime(); at < end.getTime(); at += HOUR_MS) {
    const bucket = new Date(at).toISOString();
    points.push({ bucket, ...(byHour.get(bucket) ?? { seatsSold: 0, netRevenueKrw: 0 }) });
  }
  return points;
}

async function occupancyByGrade(db: Db, filter: Prisma.Sql): Promise<DashboardStats['occupancy']> {
  const rows = await db.$queryRaw<{ grade: string; sold: bigint; capacity: bigint }[]>`
    WITH chosen AS (SELECT p.id, p.hall_id FROM ticket.performances p WHERE ${filter}),
    capacity AS (
      SELECT s.grade, count(*)::bigint AS seats FROM chosen c JOIN ticket.seats s ON s.hall_id = c.hall_id GROUP BY s.grade),
    sold AS (
      SELECT o.grade, sum(o.seats_sold)::bigint AS seats FROM chosen c JOIN stats.grade_occupancy o ON o.performance_id = c.id GROUP BY o.grade)
    SELECT coalesce(capacity.grade, sold.grade) AS grade, coalesce(sold.seats, 0) AS sold, coalesce(capacity.seats, 0) AS capacity
      FROM capacity FULL JOIN sold ON sold.grade = capacity.grade
     ORDER BY 1`;
  return rows.map((row) => ({ grade: row.grade, sold: Number(row.sold), capacity: Number(row.capacity) }));
}

async function failureReasons(db: Db, filter: Prisma.Sql, from: string, to: string): Promise<DashboardStats['failures']> {
  const rows = await db.$queryRaw<{ reason: string; count: bigint }[]>`
    SELECT f.reason, sum(f.failures)::bigint AS count
      FROM stats.payment_failures f JOIN ticket.performances p ON p.id = f.performance_id
     WHERE f.day BETWEEN ${from}::date AND ${to}::date AND ${filter}
     GROUP BY f.reason ORDER BY count DESC, f.reason LIMIT 10`;
  return rows.map((row) => ({ reason: row.reason, count: Number(row.count) }));
}

async function waitingRoomSeries(db: Db, filter: Prisma.Sql, start: Date, end: Date): Promise<DashboardStats['waitingRoom']> {
  const since = new Date(Math.max(start.getTime(), end.getTime() - WAITING_WINDOW_MS));
  if (since >= end) return [];
  // Per room and minute, the deepest queue and the admitted total; admissions in a minute are the
  // total's growth since the room's previous minute. Then summed over the rooms.
  const rows = await db.$queryRaw<{ at: Date; waiting: bigint; admitted: bigint }[]>`
    WITH per_minute AS (
      SELECT q.performance_id, date_trunc('minute', q.sampled_at) AS minute, max(q.waiting) AS waiting, max(q.admitted) AS admitted
        FROM stats.queue_samples q JOIN ticket.performances p ON p.id = q.performance_id
       WHERE q.sampled_at >= ${since.toISOString()}::timestamptz AND q.sampled_at < ${end.toISOString()}::timestamptz AND ${filter}
       GROUP BY 1, 2),
    deltas AS (
      SELECT minute, waiting, admitted - lag(admitted) OVER (PARTITION BY performance_id ORDER BY minute) AS admitted
        FROM per_minute)
    SELECT minute AS at, sum(waiting)::bigint AS waiting, coalesce(sum(admitted), 0)::bigint AS admitted FROM deltas GROUP BY minute ORDER BY minute`;
  return rows.map((row) => ({ at: row.at.toISOString(), waiting: Number(row.waiting), admitted: Number(row.admitted) }));
}

async function queueCounters(deps: { db: Db; redis: Redis }, filter: Prisma.Sql) {
  const rooms = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT p.id FROM ticket.waiting_room_settings w JOIN ticket.performances p ON p.id = w.performance_id WHERE ${filter}`;
  const pipeline = deps.redis.pipeline();
  for (const room of rooms) {
    const k = queueKeys(room.id);
    pipeline.hmget(k.meta, 'joined', 'admitted', 'held').zcard(k.queue).zcard(k.active);
  }
  const replies = rooms.length ? ((await pipeline.exec()) ?? []) : [];
  const funnel = { joined: 0, admitted: 0, held: 0 };
  const live = { waiting: 0, active: 0 };
  for (let i = 0; i < replies.length; i += 3) {
    const [joined, admitted, held] = (replies[i]?.[1] as (string | null)[]) ?? [];
    funnel.joined += Number(joined ?? 0);
    funnel.admitted += Number(admitted ?? 0);
    funnel.held += Number(held ?? 0);
    live.waiting += Number(replies[i + 1]?.[1] ?? 0);
    live.active += Number(replies[i + 2]?.[1] ?? 0);
  }
  return { funnel, live };
}

async function topEventsIn(db: Db, from: string, to: string): Promise<DashboardStats['topEvents']> {
  const rows = await db.$queryRaw<{ event_id: string; title: string; seats: bigint; revenue: bigint }[]>`
    SELECT e.id AS event_id, e.title, sum(d.seats_sold - d.seats_refunded)::bigint AS seats, sum(d.sales_krw - d.refunded_krw)::bigint AS revenue
      FROM stats.daily_sales d JOIN ticket.performances p ON p.id = d.performance_id JOIN ticket.events e ON e.id = p.event_id
     WHERE d.day BETWEEN ${from}::date AND ${to}::date
     GROUP BY e.id, e.title
    HAVING sum(d.seats_sold) > 0
     ORDER BY revenue DESC, seats DESC, e.title LIMIT 5`;
  return rows.map((row) => ({ eventId: row.event_id, title: row.title, seatsSold: Number(row.seats), netRevenueKrw: Number(row.revenue) }));
}

async function countNewMemberships(db: Db, from: string, to: string, eventId: string | undefined): Promise<number> {
  const [row] = await db.$queryRaw<{ count: bigint }[]>`
    SELECT coalesce(sum(m.new_memberships), 0)::bigint AS count FROM stats.membership_daily m
     WHERE m.day BETWEEN ${from}::date AND ${to}::date
       AND (${eventId ?? null}::uuid IS NULL OR m.artist_id = (SELECT artist_id FROM ticket.events WHERE id = ${eventId ?? null}::uuid))`;
  return Number(row?.count ?? 0);
}
