// Adds one event's deltas to a performance's counters: its total, its day in the venue's time
// zone and its UTC hour, in one statement. A performance that no longer exists (deleted with its
// stats) adds nothing, so a replay of its old events does not fail.
import { Prisma } from '../db/generated/client';
import { SALES_COUNTER_COLUMNS, type SalesCounter, type SalesDelta } from './sales-counters';

const HOUR_MS = 3_600_000;

export async function addSales(tx: Prisma.TransactionClient, input: { performanceId: string; at: Date; delta: SalesDelta }): Promise<void> {
  const counters = (Object.keys(input.delta) as SalesCounter[]).filter((counter) => input.delta[counter]);
  if (counters.length === 0) return;
  const columns = counters.map((counter) => Prisma.raw(SALES_COUNTER_COLUMNS[counter]));
  const values = counters.map((counter) => Prisma.sql`${input.delta[counter]!}::bigint`);
  const columnList = Prisma.join(columns);
  const valueList = Prisma.join(values);
  const increments = (table: string) => Prisma.join(counters.map((counter) => Prisma.raw(`${SALES_COUNTER_COLUMNS[counter]} = ${table}.${SALES_COUNTER_COLUMNS[counter]} + EXCLUDED.${SALES_COUNTER_COLUMNS[counter]}`)));
  const hour = new Date(Math.floor(input.at.getTime() / HOUR_MS) * HOUR_MS).toISOString();
  await tx.$executeRaw`
    WITH zone AS (
      SELECT v.time_zone FROM ticket.performances p
        JOIN ticket.halls h ON h.id = p.hall_id JOIN ticket.venues v ON v.id = h.venue_id
       WHERE p.id = ${input.performanceId}::uuid),
    total AS (
      INSERT INTO stats.performance_stats (performance_id, ${columnList})
      SELECT ${input.performanceId}::uuid, ${valueList} FROM zone
      ON CONFLICT (performance_id) DO UPDATE SET ${increments('performance_stats')}),
    daily AS (
      INSERT INTO stats.daily_sales (performance_id, day, ${columnList})
      SELECT ${input.performanceId}::uuid, (${input.at.toISOString()}::timestamptz AT TIME ZONE zone.time_zone)::date, ${valueList} FROM zone
      ON CONFLICT (performance_id, day) DO UPDATE SET ${increments('daily_sales')})
    INSERT INTO stats.hourly_sales (performance_id, hour, ${columnList})
    SELECT ${input.performanceId}::uuid, ${hour}::timestamptz, ${valueList} FROM zone
    ON CONFLICT (performance_id, hour) DO UPDATE SET ${increments('hourly_sales')}`;
}
