// The reservation write: reservations, their items and `reservation.created` in the outbox, in one
// transaction, for one request or a group-committed batch of them. The per-person limit is
// enforced here, inside the step that consumes it: each (user, performance) is locked, its live
// seats counted, and a reservation is inserted only where the limit allows, in the same statement.
// A seat already in a live reservation makes PostgreSQL refuse the statement (the partial unique
// index `reservation_items_live_seat_key`), and with it the whole transaction.
import { SpanKind, trace } from '@opentelemetry/api';
import { poolOf, type Db } from '../db/create-prisma';
import { isUniqueViolation } from '../db/is-unique-violation';
import { uuidV7 } from '../db/uuid-v7';
import { Prisma } from '../db/generated/client';
import { OUTBOX_CHANNEL } from '../events/append-event';
import type { EventEnvelope } from '../events/catalog';
import { insertOutboxRows } from '../events/insert-outbox-rows';
import { runInSpan } from '../tracing/run-in-span';
import { contextOfTraceparent } from '../tracing/trace-context';

export type ReservationDraft = {
  reservationId: string;
  userId: string;
  performanceId: string;
  idempotencyKey: string;
  requestHash: string;
  totalKrw: number;
  paymentDeadline: Date;
  maxTicketsPerPerson: number;
  items: { seatId: string; grade: string; priceKrw: number }[];
  /** Validated already (buildEnvelope): a bad event never reaches the transaction. */
  event: EventEnvelope<'reservation.created'>;
};

/** Inserted, or refused by the limit (with the seats the user already holds in live reservations). */
export type DraftOutcome = { inserted: true; createdAt: Date } | { inserted: false; owned: number };

export const LIVE_SEAT_INDEX = 'reservation_items_live_seat_key';
export const IDEMPOTENCY_INDEX = 'reservations_user_id_idempotency_key_key';

/** Which of the reservation's unique indexes a refused insert hit, if any. */
export function violatedIndex(error: unknown): typeof LIVE_SEAT_INDEX | typeof IDEMPOTENCY_INDEX | null {
  if (isUniqueViolation(error, LIVE_SEAT_INDEX)) return LIVE_SEAT_INDEX;
  if (isUniqueViolation(error, IDEMPOTENCY_INDEX)) return IDEMPOTENCY_INDEX;
  return null;
}

export const limitLockKey = (draft: Pick<ReservationDraft, 'userId' | 'performanceId'>) => `${draft.userId}:${draft.performanceId}`;

/** Drafts must name distinct (user, performance) pairs: each pair's count is read once per statement. */
export async function insertReservations(db: Db, drafts: ReservationDraft[]): Promise<DraftOutcome[]> {
  // Time-ordered ids (as the schema's default): inserts land on the right edge of the primary key, not on random pages.
  const items = drafts.flatMap((d) => d.items.map((item) => ({ ...item, id: uuidV7(), reservationId: d.reservationId, performanceId: d.performanceId })));
  // Plain SQL on the pool: through Prisma each statement of a batch cost more CPU in its query
  // compiler than in PostgreSQL. The lock statement comes first and alone, so the second
  // statement's snapshot sees every transaction the locks waited for; it takes the locks in one
  // fixed order, so two batches sharing users never deadlock.
  const lock = Prisma.sql`
      SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtext(key) AS k FROM unnest(${drafts.map(limitLockKey)}::text[]) AS key ORDER BY 1) AS locks`;
  const write = Prisma.sql`
      WITH judged AS (
        SELECT r.*, (SELECT count(*)::int FROM ticket.reservation_items i JOIN ticket.reservations o ON o.id = i.reservation_id
                      WHERE o.user_id = r.user_id AND o.performance_id = r.performance_id AND i.live) AS owned
          FROM unnest(${drafts.map((d) => d.reservationId)}::uuid[], ${drafts.map((d) => d.userId)}::uuid[], ${drafts.map((d) => d.performanceId)}::uuid[],
                      ${drafts.map((d) => d.totalKrw)}::int[], ${drafts.map((d) => d.paymentDeadline.toISOString())}::timestamptz[],
                      ${drafts.map((d) => d.idempotencyKey)}::text[], ${drafts.map((d) => d.requestHash)}::text[],
                      ${drafts.map((d) => d.maxTicketsPerPerson)}::int[], ${drafts.map((d) => d.items.length)}::int[])
            AS r(id, user_id, performance_id, total_krw, payment_deadline, idempotency_key, request_hash, max_tickets, seat_count)
      ), inserted AS (
        INSERT INTO ticket.reservations (id, user_id, performance_id, status, total_krw, payment_deadline, idempotency_key, request_hash, updated_at)
        SELECT id, user_id, performance_id, 'PENDING', total_krw, payment_deadline, idempotency_key, request_hash, now()
          FROM judged WHERE owned + seat_count <= max_tickets
        RETURNING id, created_at
      ), items AS (
        INSERT INTO ticket.reservation_items (id, reservation_id, performance_id, seat_id, grade, price_krw)
        SELECT s.id, s.reservation_id, s.performance_id, s.seat_id, s.grade, s.price_krw
          FROM unnest(${items.map((i) => i.id)}::uuid[], ${items.map((i) => i.reservationId)}::uuid[], ${items.map((i) => i.performanceId)}::uuid[], ${items.map((i) => i.seatId)}::uuid[],
                      ${items.map((i) => i.grade)}::text[], ${items.map((i) => i.priceKrw)}::int[])
            AS s(id, reservation_id, performance_id, seat_id, grade, price_krw)
         WHERE s.reservation_id IN (SELECT id FROM inserted)
      ), events AS (
        ${insertOutboxRows(drafts.map((d) => d.event), Prisma.sql`SELECT id::text FROM inserted`)}
      )
      SELECT j.id, j.owned, i.created_at,
             -- wakes the relay at commit; a scalar subquery runs once per statement, not once per row
             (SELECT pg_notify(${OUTBOX_CHANNEL}, '')) AS woke
        FROM judged j LEFT JOIN inserted i ON i.id = j.id`;
  // One span for the batch's transaction, under the request that started the batch and linked to
  // every other request whose reservation it wrote (their events carry their traces).
  const links = drafts.flatMap((d) => {
    const spanContext = trace.getSpanContext(contextOfTraceparent(d.event.traceparent));
    return spanContext ? [{ context: spanContext }] : [];
  });
  const attributes = { 'db.system.name': 'postgresql', 'db.operation.name': 'INSERT reservations', 'openseat.batch.size': drafts.length };
  const rows = await runInSpan('postgresql insert reservations', { kind: SpanKind.CLIENT, attributes, links }, async () => {
    const client = await poolOf(db).connect();
    try {
      await client.query('BEGIN');
      await client.query(lock.text, lock.values);
      const written = (await client.query<{ id: string; owned: number; created_at: Date | null }>(write.text, write.values)).rows;
      await client.query('COMMIT');
      client.release();
      return written;
    } catch (error) {
      // A connection that cannot even roll back is dropped from the pool, not reused.
      const rollback = await client.query('ROLLBACK').then(() => undefined, (lost: Error) => lost);
      client.release(rollback);
      throw error;
    }
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return drafts.map((d) => {
    const row = byId.get(d.reservationId)!;
    return row.created_at ? { inserted: true, createdAt: row.created_at } : { inserted: false, owned: row.owned };
  });
}
