// The relay's claim: a short transaction that leases up to `limit` unpublished rows (FOR UPDATE
// SKIP LOCKED, so relays never wait on each other) and returns them in append order. The
// relay publishes outside any transaction and then marks them published; a relay that dies
// leaves a lease that simply expires.
import type { Db } from '../db/create-prisma';
import { envelopeOf, type OutboxRow } from './outbox-row';
import type { EventEnvelope } from './catalog';

// Claims are serialised by one transaction-scoped advisory lock (a claim takes ~1-3 ms; the
// publishing is what runs in parallel). Without it two relays claiming at the same instant can
// split one aggregate's events between them and publish them out of order.
const CLAIM_LOCK = 7_310_001;

export async function claimOutboxBatch(db: Db, { limit, leaseMs }: { limit: number; leaseMs: number }): Promise<EventEnvelope[]> {
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`;
    return tx.$queryRaw<OutboxRow[]>`
      WITH candidates AS (
        SELECT o.id FROM common.outbox_events o
        WHERE o.published_at IS NULL
          AND (o.claimed_until IS NULL OR o.claimed_until < now())
          -- an aggregate whose earlier event another relay is publishing waits for it (key order)
          AND NOT EXISTS (
            SELECT 1 FROM common.outbox_events p
            WHERE p.aggregate_id = o.aggregate_id AND p.published_at IS NULL AND p.claimed_until >= now())
        ORDER BY o.seq
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED)
      UPDATE common.outbox_events e
      SET claimed_until = now() + ${leaseMs} * interval '1 millisecond', attempts = e.attempts + 1
      FROM candidates c WHERE e.id = c.id
      RETURNING e.id, e.topic, e.type, e.aggregate_type, e.aggregate_id, e.payload, e.occurred_at, e.seq`;
  });
  return rows.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1)).map(envelopeOf);
}
