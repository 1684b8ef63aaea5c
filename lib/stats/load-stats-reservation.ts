// What the stats role knows of a reservation (performance, live seats → grade, paid or not). A
// reservation made before the stats event log began has no row yet: it is built from PostgreSQL's
// reservation and its items, all of them, so a replay builds the same row again.
import type { Prisma } from '../db/create-prisma';

export type StatsReservationRow = { performanceId: string; seatGrades: Record<string, string>; confirmed: boolean };

export async function loadStatsReservation(tx: Prisma.TransactionClient, reservationId: string): Promise<StatsReservationRow | null> {
  const [row] = await tx.$queryRaw<{ performance_id: string; seat_grades: Record<string, string>; confirmed: boolean }[]>`
    SELECT performance_id, seat_grades, confirmed FROM stats.reservations WHERE reservation_id = ${reservationId}::uuid FOR UPDATE`;
  if (row) return { performanceId: row.performance_id, seatGrades: row.seat_grades, confirmed: row.confirmed };
  const [built] = await tx.$queryRaw<{ performance_id: string; seat_grades: Record<string, string> }[]>`
    INSERT INTO stats.reservations (reservation_id, performance_id, seat_grades)
    SELECT r.id, r.performance_id, coalesce(jsonb_object_agg(i.seat_id, i.grade) FILTER (WHERE i.seat_id IS NOT NULL), '{}'::jsonb)
      FROM ticket.reservations r
      LEFT JOIN ticket.reservation_items i ON i.reservation_id = r.id
     WHERE r.id = ${reservationId}::uuid
     GROUP BY r.id, r.performance_id
    RETURNING performance_id, seat_grades`;
  return built ? { performanceId: built.performance_id, seatGrades: built.seat_grades, confirmed: false } : null;
}
