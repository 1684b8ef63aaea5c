// The one INSERT that puts events into the outbox, as a SQL fragment: appendEvents runs it as a
// statement; a command that writes its rows in one statement (a group-committed batch of
// reservations) embeds it as a data-modifying CTE, so the events commit with the rows they
// describe and cost no extra round trip.
import { Prisma } from '../db/generated/client';
import type { EventEnvelope } from './catalog';

/**
 * `onlyAggregatesIn` (optional) keeps the events whose aggregate id is in that subquery — e.g. the
 * ids a sibling CTE inserted. unnest keeps the array order, so seq follows the order of `envelopes`.
 */
export function insertOutboxRows(envelopes: EventEnvelope[], onlyAggregatesIn?: Prisma.Sql): Prisma.Sql {
  const filter = onlyAggregatesIn ? Prisma.sql`WHERE aggregate_id IN (${onlyAggregatesIn})` : Prisma.empty;
  return Prisma.sql`
    INSERT INTO common.outbox_events (id, topic, type, aggregate_type, aggregate_id, payload, occurred_at, traceparent)
    SELECT id, topic, type, aggregate_type, aggregate_id, payload::jsonb, occurred_at, traceparent
    FROM unnest(${envelopes.map((e) => e.id)}::uuid[], ${envelopes.map((e) => e.topic)}::text[], ${envelopes.map((e) => e.type)}::text[],
                ${envelopes.map((e) => e.aggregateType)}::text[], ${envelopes.map((e) => e.aggregateId)}::text[],
                ${envelopes.map((e) => JSON.stringify(e.payload))}::text[], ${envelopes.map((e) => e.occurredAt)}::timestamptz[],
                ${envelopes.map((e) => e.traceparent ?? null)}::text[])
         WITH ORDINALITY AS t(id, topic, type, aggregate_type, aggregate_id, payload, occurred_at, traceparent, n)
    ${filter}
    ORDER BY n`;
}
