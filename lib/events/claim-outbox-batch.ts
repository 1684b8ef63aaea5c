// The relay's claim: a short transaction that leases up to `limit` unpublished rows (FOR UPDATE
// SKIP LOCKED, so relays never wait on each other) and returns them in append order. The lease
// is one row in common.outbox_leases for the whole batch; the event rows themselves are not
// written until they are published. The relay publishes outside any transaction and marks the
// rows published afterwards (markOutboxPublished). A relay that dies leaves a lease that simply
// expires, and the rows are published again.
import type { Db } from '../db/create-prisma';
import type { EventEnvelope } from './catalog';

// Claims are serialised by one transaction-scoped advisory lock (a claim takes a few ms; the
// publishing is what runs in parallel). Without it two relays claiming at the same instant can
// split one aggregate's events between them and publish them out of order. The lock is taken
// in its own statement so the claim's snapshot (READ COMMITTED) sees the previous claimer's lease.
const CLAIM_LOCK = 7_310_001;

export async function claimOutboxBatch(
  db: Db,
  {
    limit,
    leaseMs,
    inFlightIds = [],
  }: {
    limit: number;
    leaseMs: number;
    /** This relay's batches being published or not yet marked: their leases do not block this relay (it publishes the next batch after them). */
    inFlightIds?: string[];
  },
): Promise<EventEnvelope[]> {
  const [, , [claimed]] = await db.$transaction([
    // The outbox fills in bursts, so its statistics are rarely right about the backlog (none
    // yet: IS NULL is 0.5% of the rows; after ANALYZE, mostly published rows). Believing them,
    // the planner sorted the whole backlog for every claim (70 ms per claim over a 20,000-event
    // backlog, instead of 4 ms reading the seq index in order) and marked a batch published by
    // scanning the table (O(table) per batch, instead of primary-key probes). Both are off for
    // this transaction only, and so is JIT: the cost penalty of a plan with no alternative to a
    // seq scan (outbox_leases) crosses jit_above_cost, and compiling took 300-500 ms per claim.
    db.$executeRaw`SELECT set_config('enable_sort', 'off', true), set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`,
    db.$executeRaw`SELECT pg_advisory_xact_lock(${CLAIM_LOCK})`,
    // The batch comes back as one JSON array of envelopes, in append order: decoding 1,000 rows
    // of eight typed columns cost the relay 8-14 ms of CPU per batch, one JSON.parse about 1 ms.
    db.$queryRaw<[{ events: string }]>`
      WITH live AS MATERIALIZED (
        SELECT id, event_ids, aggregate_ids FROM common.outbox_leases WHERE expires_at >= now()),
      leased AS MATERIALIZED (SELECT unnest(event_ids) AS id FROM live),
      -- aggregates whose earlier events another relay is publishing wait for it (key order)
      blocked AS MATERIALIZED (
        SELECT DISTINCT unnest(aggregate_ids) AS aggregate_id FROM live
        WHERE id <> ALL(string_to_array(${inFlightIds.join(',')}, ',')::uuid[])),
      claimed AS (
        SELECT o.id, o.topic, o.type, o.aggregate_type, o.aggregate_id, o.payload, o.occurred_at, o.traceparent, o.seq
        FROM common.outbox_events o
        WHERE o.published_at IS NULL
          AND o.id NOT IN (SELECT id FROM leased)
          AND o.aggregate_id NOT IN (SELECT aggregate_id FROM blocked)
        ORDER BY o.seq
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED),
      lease AS (
        -- named by its first event; a lease of that name still here has expired (a live one's
        -- events are not claimable), so this one replaces it
        INSERT INTO common.outbox_leases (id, event_ids, aggregate_ids, expires_at)
        SELECT (array_agg(id ORDER BY seq))[1], array_agg(id ORDER BY seq), array_agg(DISTINCT aggregate_id),
               now() + ${leaseMs} * interval '1 millisecond'
        FROM claimed HAVING count(*) > 0
        ON CONFLICT (id) DO UPDATE
        SET event_ids = EXCLUDED.event_ids, aggregate_ids = EXCLUDED.aggregate_ids, expires_at = EXCLUDED.expires_at)
      SELECT coalesce(json_agg(json_build_object(
               'id', id, 'type', type, 'topic', topic, 'aggregateType', aggregate_type, 'aggregateId', aggregate_id,
               'occurredAt', to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'payload', payload,
               'traceparent', traceparent)
             ORDER BY seq), '[]')::text AS events
      FROM claimed`,
  ], { maxWait: 10_000, timeout: 30_000 }); // a claim is ms; Prisma's 5 s default failed batches on a saturated host
  const events = JSON.parse(claimed.events) as (EventEnvelope & { traceparent: string | null })[];
  for (const event of events) if (event.traceparent === null) delete (event as EventEnvelope).traceparent;
  return events;
}
