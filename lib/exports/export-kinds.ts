// What each admin export contains: its columns and the keyset query that reads one batch of a
// date range in (time, id) order. Sales (reservations.confirmed_at), payments and refunds
// (created_at) have a (time, id) index, so a batch costs an index range scan however far into
// the range it starts. Check-ins are read by scanned_at without one: the table belongs to the
// door-check feature, and a day's check-ins are one venue's audience, not a year of payments.
// Batches are read with plain SQL on the pool under Prisma: 100 batches of 1,000 payments took
// 35 s through $queryRaw and 21 s through pg on the same loaded 2-core machine, the difference
// being Prisma turning each row into its result objects.
import { poolOf, type Db } from '../db/create-prisma';
import type { SeatLabelParts } from '../i18n/format-seat-label';

export const EXPORT_KINDS = ['sales', 'payments', 'refunds', 'check-ins'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A row's place in the walk: its time and id. */
export type ExportCursor = { at: Date; id: string };

export type ExportValue = string | number | Date | SeatLabelParts | null;
export type ExportRow = { cursor: ExportCursor; values: ExportValue[] };

type ExportKindDefinition = {
  /** Column keys, each named in the catalogs under adminLists.exports.columns; time columns are Dates. */
  columns: readonly string[];
  readBatch(db: Db, range: { from: Date; until: Date }, after: ExportCursor, limit: number): Promise<ExportRow[]>;
};

const row = (at: Date, id: string, values: ExportValue[]): ExportRow => ({ cursor: { at, id }, values });

/**
 * One batch: $1 and $2 bound the range, ($3, $4) is the cursor, $5 the batch size. pg returns
 * timestamptz as Date and int4 as number, as the columns below expect.
 */
async function readRows<Rows extends object[]>(db: Db, sql: string, range: { from: Date; until: Date }, after: ExportCursor, limit: number): Promise<Rows> {
  const { rows } = await poolOf(db).query({ text: sql, values: [range.from, range.until, after.at, after.id, limit] });
  return rows as Rows;
}

export const EXPORT_DEFINITIONS: Record<ExportKind, ExportKindDefinition> = {
  // One row per booking confirmed in the range (whatever became of it later: the state column says).
  sales: {
    columns: ['confirmedAt', 'reservationId', 'status', 'eventTitle', 'performanceStartsAt', 'seats', 'ticketsKrw', 'bookingFeeKrw', 'buyerEmail'],
    async readBatch(db, range, after, limit) {
      const rows = await readRows<{ id: string; at: Date; status: string; title: string; starts_at: Date; seats: number; total_krw: number; fee: number; email: string | null }[]>(
        db,
        `SELECT r.id, r.confirmed_at AS at, r.status::text AS status, e.title, p.starts_at,
               (SELECT count(*)::int FROM ticket.reservation_items i WHERE i.reservation_id = r.id) AS seats,
               r.total_krw, COALESCE(r.booking_fee_krw, 0) AS fee, u.email
          FROM ticket.reservations r
          JOIN ticket.performances p ON p.id = r.performance_id
          JOIN ticket.events e ON e.id = p.event_id
          JOIN auth.users u ON u.id = r.user_id
         WHERE r.confirmed_at >= $1 AND r.confirmed_at < $2
           AND (r.confirmed_at, r.id) > ($3::timestamptz, $4::uuid)
         ORDER BY r.confirmed_at, r.id
         LIMIT $5`,
        range,
        after,
        limit,
      );
      return rows.map((r) => row(r.at, r.id, [r.at, r.id, r.status, r.title, r.starts_at, r.seats, r.total_krw, r.fee, r.email]));
    },
  },
  payments: {
    columns: ['createdAt', 'paidAt', 'portonePaymentId', 'status', 'method', 'amountKrw', 'ticketsKrw', 'bookingFeeKrw', 'cancelledKrw', 'payerEmail', 'reservationId', 'eventTitle'],
    async readBatch(db, range, after, limit) {
      const rows = await readRows<{
          id: string;
          created_at: Date;
          paid_at: Date | null;
          portone_payment_id: string;
          status: string;
          method: string | null;
          amount_krw: number;
          tickets_krw: number;
          booking_fee_krw: number;
          cancelled_krw: number;
          email: string | null;
          reservation_id: string | null;
          title: string | null;
        }[]>(
        db,
        `SELECT pay.id, pay.created_at, pay.paid_at, pay.portone_payment_id, pay.status::text AS status, pay.method,
               pay.amount_krw, pay.tickets_krw, pay.booking_fee_krw, pay.cancelled_krw, u.email, pay.reservation_id, e.title
          FROM payment.payments pay
          JOIN auth.users u ON u.id = pay.user_id
          LEFT JOIN ticket.reservations r ON r.id = pay.reservation_id
          LEFT JOIN ticket.performances p ON p.id = r.performance_id
          LEFT JOIN ticket.events e ON e.id = p.event_id
         WHERE pay.created_at >= $1 AND pay.created_at < $2
           AND (pay.created_at, pay.id) > ($3::timestamptz, $4::uuid)
         ORDER BY pay.created_at, pay.id
         LIMIT $5`,
        range,
        after,
        limit,
      );
      return rows.map((p) =>
        row(p.created_at, p.id, [p.created_at, p.paid_at, p.portone_payment_id, p.status, p.method, p.amount_krw, p.tickets_krw, p.booking_fee_krw, p.cancelled_krw, p.email, p.reservation_id, p.title]),
      );
    },
  },
  refunds: {
    columns: ['requestedAt', 'completedAt', 'refundId', 'portonePaymentId', 'status', 'initiator', 'amountKrw', 'feeKrw', 'bookingFeeRefundKrw', 'reason', 'payerEmail', 'eventTitle'],
    async readBatch(db, range, after, limit) {
      const rows = await readRows<{
          id: string;
          created_at: Date;
          completed_at: Date | null;
          portone_payment_id: string;
          status: string;
          initiator: string;
          amount_krw: number;
          fee_krw: number;
          booking_fee_refund_krw: number;
          reason: string;
          email: string | null;
          title: string | null;
        }[]>(
        db,
        `SELECT f.id, f.created_at, f.completed_at, pay.portone_payment_id, f.status::text AS status, f.initiator::text AS initiator,
               f.amount_krw, f.fee_krw, f.booking_fee_refund_krw, f.reason, u.email, e.title
          FROM payment.refunds f
          JOIN payment.payments pay ON pay.id = f.payment_id
          JOIN auth.users u ON u.id = pay.user_id
          LEFT JOIN ticket.reservations r ON r.id = pay.reservation_id
          LEFT JOIN ticket.performances p ON p.id = r.performance_id
          LEFT JOIN ticket.events e ON e.id = p.event_id
         WHERE f.created_at >= $1 AND f.created_at < $2
           AND (f.created_at, f.id) > ($3::timestamptz, $4::uuid)
         ORDER BY f.created_at, f.id
         LIMIT $5`,
        range,
        after,
        limit,
      );
      return rows.map((f) =>
        row(f.created_at, f.id, [f.created_at, f.completed_at, f.id, f.portone_payment_id, f.status, f.initiator, f.amount_krw, f.fee_krw, f.booking_fee_refund_krw, f.reason, f.email, f.title]),
      );
    },
  },
  'check-ins': {
    columns: ['scannedAt', 'recordedAt', 'ticketId', 'eventTitle', 'performanceStartsAt', 'seat', 'grade', 'gate', 'deviceId', 'staffEmail', 'offline'],
    async readBatch(db, range, after, limit) {
      const rows = await readRows<{
          id: string;
          scanned_at: Date;
          recorded_at: Date;
          ticket_id: string;
          title: string;
          starts_at: Date;
          section: string;
          row_label: string;
          number: number;
          grade: string;
          gate: string;
          device_id: string;
          staff_email: string | null;
          offline: boolean;
        }[]>(
        db,
        `SELECT c.id, c.scanned_at, c.recorded_at, c.ticket_id, e.title, p.starts_at, sec.name AS section, s.row_label, s.number, s.grade,
               c.gate, c.device_id, staff.email AS staff_email, c.offline
          FROM ticket.check_ins c
          JOIN ticket.tickets t ON t.id = c.ticket_id
          JOIN ticket.seats s ON s.id = t.seat_id
          JOIN ticket.sections sec ON sec.id = s.section_id
          JOIN ticket.performances p ON p.id = c.performance_id
          JOIN ticket.events e ON e.id = p.event_id
          LEFT JOIN auth.users staff ON staff.id = c.staff_id
         WHERE c.scanned_at >= $1 AND c.scanned_at < $2
           AND (c.scanned_at, c.id) > ($3::timestamptz, $4::uuid)
         ORDER BY c.scanned_at, c.id
         LIMIT $5`,
        range,
        after,
        limit,
      );
      return rows.map((c) =>
        row(c.scanned_at, c.id, [
          c.scanned_at,
          c.recorded_at,
          c.ticket_id,
          c.title,
          c.starts_at,
          { section: c.section, row: c.row_label, number: c.number },
          c.grade,
          c.gate,
          c.device_id,
          c.staff_email,
          c.offline ? 'Y' : 'N',
        ]),
      );
    },
  },
};

/** Before every row: a range's walk starts at its first instant and the smallest id. */
export const startOf = (from: Date): ExportCursor => ({ at: from, id: '00000000-0000-0000-0000-000000000000' });
