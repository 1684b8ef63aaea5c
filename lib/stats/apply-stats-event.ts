// Applies one event to the stats tables, inside the caller's transaction. Live consumption and a
// rebuild both come here, in the same order (stats.event_log's), so they produce the same rows.
// Sales count when the reservation is confirmed (seats) and when the payment settles (money);
// refunds count only against money that counted; buckets follow the moment the event describes.
import type { Prisma } from '../db/create-prisma';
import type { EventEnvelope, EventPayload, EventType } from '../events/catalog';
import { addSales } from './add-sales';
import { loadStatsReservation, type StatsReservationRow } from './load-stats-reservation';

/** Memberships belong to no venue: their day is the platform's default zone. */
const MEMBERSHIP_TIME_ZONE = 'Asia/Seoul';

/** What the log keeps of an event: enough to apply it again. */
export type StatsEvent = Pick<EventEnvelope, 'type' | 'occurredAt' | 'payload'>;

type Appliers = { [T in EventType]?: (tx: Prisma.TransactionClient, payload: EventPayload<T>, at: Date) => Promise<void> };

export async function applyStatsEvent(tx: Prisma.TransactionClient, event: StatsEvent): Promise<void> {
  const apply = APPLY[event.type] as ((tx: Prisma.TransactionClient, payload: unknown, at: Date) => Promise<void>) | undefined;
  await apply?.(tx, event.payload, new Date(event.occurredAt));
}

// payment.requested changes no figure: a payment counts when it settles or fails.
const APPLY: Appliers = {
  'reservation.created': async (tx, p, at) => {
    const grades = p.seatGrades ?? (await gradesOfSeats(tx, p.seatIds));
    const seatGrades = Object.fromEntries(p.seatIds.map((seatId, i) => [seatId, grades[i]!]));
    await tx.$executeRaw`
      INSERT INTO stats.reservations (reservation_id, performance_id, seat_grades)
      VALUES (${p.reservationId}::uuid, ${p.performanceId}::uuid, ${JSON.stringify(seatGrades)}::jsonb)
      ON CONFLICT (reservation_id) DO NOTHING`;
    await addSales(tx, { performanceId: p.performanceId, at, delta: { reservationsCreated: 1, seatsReserved: p.seatIds.length } });
  },
  'reservation.expired': async (tx, p) => {
    await addSales(tx, { performanceId: p.performanceId, at: new Date(p.expiredAt), delta: { reservationsExpired: 1 } });
  },
  'reservation.confirmed': async (tx, p, at) => {
    const reservation = await loadStatsReservation(tx, p.reservationId);
    if (!reservation || reservation.confirmed) return;
    await tx.$executeRaw`UPDATE stats.reservations SET confirmed = true WHERE reservation_id = ${p.reservationId}::uuid`;
    const grades = Object.values(reservation.seatGrades);
    await addSales(tx, { performanceId: reservation.performanceId, at, delta: { seatsSold: grades.length } });
    await addOccupancy(tx, reservation.performanceId, grades, 1);
  },
  'reservation.cancelled': async (tx, p, at) => {
    const reservation = await loadStatsReservation(tx, p.reservationId);
    if (!reservation) return;
    const gone = (p.seatIds ?? Object.keys(reservation.seatGrades)).filter((seatId) => seatId in reservation.seatGrades);
    await tx.$executeRaw`
      UPDATE stats.reservations SET seat_grades = seat_grades - ${gone}::text[] WHERE reservation_id = ${p.reservationId}::uuid`;
    await cancelSeats(tx, reservation, gone, at, !p.partial);
  },
  'payment.settled': async (tx, p) => {
    if (!p.reservationId) return;
    const performanceId = await performanceOfReservation(tx, p.reservationId);
    if (!performanceId) return;
    const counted = await tx.$executeRaw`
      INSERT INTO stats.payments (payment_id, performance_id) VALUES (${p.paymentId}::uuid, ${performanceId}::uuid) ON CONFLICT DO NOTHING`;
    if (counted === 0) return;
    const bookingFeeKrw = p.bookingFeeKrw ?? (await storedBookingFee(tx, p.paymentId));
    await addSales(tx, { performanceId, at: new Date(p.paidAt), delta: { paymentsSettled: 1, salesKrw: p.amountKrw, bookingFeeKrw } });
  },
  'payment.failed': async (tx, p, at) => {
    if (!p.reservationId) return;
    const performanceId = await performanceOfReservation(tx, p.reservationId);
    if (!performanceId) return;
    await addSales(tx, { performanceId, at, delta: { paymentsFailed: 1 } });
    await tx.$executeRaw`
      INSERT INTO stats.payment_failures (performance_id, day, reason, failures)
      SELECT ${performanceId}::uuid, (${at.toISOString()}::timestamptz AT TIME ZONE v.time_zone)::date, ${p.reason}, 1
        FROM ticket.performances perf JOIN ticket.halls h ON h.id = perf.hall_id JOIN ticket.venues v ON v.id = h.venue_id
       WHERE perf.id = ${performanceId}::uuid
      ON CONFLICT (performance_id, day, reason) DO UPDATE SET failures = payment_failures.failures + 1`;
  },
  'payment.refunded': async (tx, p, at) => {
    const [sale] = await tx.$queryRaw<{ performance_id: string }[]>`SELECT performance_id FROM stats.payments WHERE payment_id = ${p.paymentId}::uuid`;
    // Money that never counted as a sale (a late or duplicate payment sent back) is no refund of revenue.
    if (!sale) return;
    const fees = p.feeKrw !== undefined ? { feeKrw: p.feeKrw, bookingFeeRefundKrw: p.bookingFeeRefundKrw ?? 0 } : await storedRefundFees(tx, p.refundId);
    await addSales(tx, {
      performanceId: sale.performance_id,
      at,
      delta: { refunds: 1, refundedKrw: p.refundedKrw, refundFeeKrw: fees.feeKrw, bookingFeeRefundedKrw: fees.bookingFeeRefundKrw },
    });
  },
  'transfer.completed': async (tx, p) => {
    await addSales(tx, { performanceId: p.performanceId, at: new Date(p.completedAt), delta: { transfers: 1 } });
  },
  'ticket.checked_in': async (tx, p) => {
    await addSales(tx, { performanceId: p.performanceId, at: new Date(p.checkedInAt), delta: { checkIns: 1 } });
  },
  'membership.activated': async (tx, p, at) => {
    await tx.$executeRaw`
      INSERT INTO stats.membership_daily (artist_id, day, new_memberships)
      VALUES (${p.artistId}::uuid, (${at.toISOString()}::timestamptz AT TIME ZONE ${MEMBERSHIP_TIME_ZONE})::date, 1)
      ON CONFLICT (artist_id, day) DO UPDATE SET new_memberships = membership_daily.new_memberships + 1`;
  },
};

/** Seats leaving a reservation: a refund when it was paid, else (once, for the whole booking) an unpaid cancellation. */
async function cancelSeats(tx: Prisma.TransactionClient, reservation: StatsReservationRow, seatIds: string[], at: Date, whole: boolean) {
  if (reservation.confirmed) {
    if (seatIds.length === 0) return;
    await addSales(tx, { performanceId: reservation.performanceId, at, delta: { seatsRefunded: seatIds.length } });
    await addOccupancy(tx, reservation.performanceId, seatIds.map((seatId) => reservation.seatGrades[seatId]!), -1);
  } else if (whole) {
    await addSales(tx, { performanceId: reservation.performanceId, at, delta: { reservationsCancelled: 1 } });
  }
}

async function addOccupancy(tx: Prisma.TransactionClient, performanceId: string, grades: string[], sign: 1 | -1) {
  const perGrade = new Map<string, number>();
  for (const grade of grades) perGrade.set(grade, (perGrade.get(grade) ?? 0) + sign);
  if (perGrade.size === 0) return;
  await tx.$executeRaw`
    INSERT INTO stats.grade_occupancy (performance_id, grade, seats_sold)
    SELECT ${performanceId}::uuid, g.grade, g.seats
      FROM unnest(${[...perGrade.keys()]}::text[], ${[...perGrade.values()]}::int[]) AS g(grade, seats)
     WHERE EXISTS (SELECT 1 FROM ticket.performances WHERE id = ${performanceId}::uuid)
    ON CONFLICT (performance_id, grade) DO UPDATE SET seats_sold = grade_occupancy.seats_sold + EXCLUDED.seats_sold`;
}

/** The events the stats role consumes. */
export const STATS_EVENT_TYPES = Object.keys(APPLY) as EventType[];

/** Events from before `seatGrades` existed: the seats' grades, in the order of `seatIds`. */
async function gradesOfSeats(tx: Prisma.TransactionClient, seatIds: string[]): Promise<string[]> {
  const rows = await tx.$queryRaw<{ id: string; grade: string }[]>`SELECT id, grade FROM ticket.seats WHERE id = ANY(${seatIds}::uuid[])`;
  const byId = new Map(rows.map((row) => [row.id, row.grade]));
  return seatIds.map((seatId) => byId.get(seatId) ?? '?');
}

/** A reservation's performance never changes: the stats row, or PostgreSQL's row when its event is on another topic and not here yet. */
async function performanceOfReservation(tx: Prisma.TransactionClient, reservationId: string): Promise<string | null> {
  const [row] = await tx.$queryRaw<{ performance_id: string }[]>`
    SELECT performance_id FROM stats.reservations WHERE reservation_id = ${reservationId}::uuid
    UNION ALL SELECT performance_id FROM ticket.reservations WHERE id = ${reservationId}::uuid
    LIMIT 1`;
  return row?.performance_id ?? null;
}

async function storedBookingFee(tx: Prisma.TransactionClient, paymentId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ booking_fee_krw: number }[]>`SELECT booking_fee_krw FROM payment.payments WHERE id = ${paymentId}::uuid`;
  return row?.booking_fee_krw ?? 0;
}

async function storedRefundFees(tx: Prisma.TransactionClient, refundId: string | undefined): Promise<{ feeKrw: number; bookingFeeRefundKrw: number }> {
  if (!refundId) return { feeKrw: 0, bookingFeeRefundKrw: 0 };
  const [row] = await tx.$queryRaw<{ fee_krw: number; booking_fee_refund_krw: number }[]>`
    SELECT fee_krw, booking_fee_refund_krw FROM payment.refunds WHERE id = ${refundId}::uuid`;
  return { feeKrw: row?.fee_krw ?? 0, bookingFeeRefundKrw: row?.booking_fee_refund_krw ?? 0 };
}
