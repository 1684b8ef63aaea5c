// The relay's claim: a short transaction that leases up to `limit` unpublished rows (FOR UPDATE
// SKIP LOCKED, so relays never wait on each other) and returns them in append order. The
// relay publishes outside any transaction; the rows it published last time are marked in the
// same transaction as the next claim (one round of BEGIN/COMMIT per batch instead of two). A
// relay that dies leaves leases that simply expire, and the rows are published again.
import type { Db } from '../db/create-prisma';
import { envelopeOf, type OutboxRow } from './outbox-row';
import type { EventEnvelope } from './catalog';

// Claims are serialised by one transaction-scoped advisory lock (a claim takes a few ms; the
// publishing is what runs in parallel). Without it two relays claiming at the same instant can
// split one aggregate's events between them and publish them out of order. The lock is taken
// in its own statement so the claim's snapshot (READ COMMITTED) sees the previous claimer's leases.
const CLAIM_LOCK = 7_310_001;

export async function claimOutboxBatch(
  db: Db,
  {
    limit,
    leaseMs,
    publishedIds = [],
    inFlightIds = [],
  }: {
    limit: number;
    leaseMs: number;
    /** This relay's last batch, acknowledged by the bus: marked published in this transaction. */
    publishedIds?: string[];
    /** This relay's batch being published right now: its leases do not block this relay (it publishes the next batch after it). */
    inFlightIds?: string[];
  },
): Promise<EventEnvelope[]> {
  const [, , rows] = await db.$transaction([
    db.$executeRaw`
      UPDATE common.outbox_events SET published_at = now(), claimed_until = NULL, last_error = NULL
      WHERE id = ANY(${publishedIds}::uuid[])`,
    db.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`,
    db.$queryRaw<OutboxRow[]>`
      WITH blocked AS MATERIALIZED (
        -- aggregates whose earlier events another relay is publishing wait for it (key order)
        SELECT DISTINCT aggregate_id FROM common.outbox_events
        WHERE published_at IS NULL AND claimed_until >= now() AND id <> ALL(${inFlightIds}::uuid[])),
      candidates AS (
        SELECT o.id FROM common.outbox_events o
        WHERE o.published_at IS NULL
          AND (o.claimed_until IS NULL OR o.claimed_until < now())
          AND o.aggregate_id NOT IN (SELECT aggregate_id FROM blocked)
        ORDER BY o.seq
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      UPDATE common.outbox_events e
      SET claimed_until = now() + ${leaseMs} * interval '1 millisecond', attempts = e.attempts + 1
      WHERE e.id = ANY(ARRAY(SELECT id FROM candidates)) -- primary-key probes, not a hash join over the table
      RETURNING e.id, e.topic, e.type, e.aggregate_type, e.aggregate_id, e.payload, e.occurred_at, e.seq`,
  ], { maxWait: 10_000, timeout: 30_000 }); // a claim is ms; Prisma's 5 s default failed batches on a saturated host
  return rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1)).map(envelopeOf);
}
