// Appends several events in one statement inside the caller's transaction (a command that
// emits many events, or a backfill): same validation and rows as appendEvent, one round trip.
import type { Prisma } from '../db/create-prisma';
import { appendEvent, buildEnvelope, OUTBOX_CHANNEL, type AppendEventInput } from './append-event';
import type { EventEnvelope, EventType } from './catalog';

export async function appendEvents<T extends EventType>(tx: Prisma.TransactionClient, inputs: AppendEventInput<T>[]): Promise<EventEnvelope<T>[]> {
  if (inputs.length === 1) return [await appendEvent(tx, inputs[0]!)];
  const envelopes = inputs.map((input) => buildEnvelope(input));
  if (envelopes.length === 0) return [];
  // unnest keeps the array order, so seq follows the order of `inputs`.
  await tx.$executeRaw`
    INSERT INTO common.outbox_events (id, topic, type, aggregate_type, aggregate_id, payload, occurred_at)
    SELECT id, topic, type, aggregate_type, aggregate_id, payload::jsonb, occurred_at
    FROM unnest(${envelopes.map((e) => e.id)}::uuid[], ${envelopes.map((e) => e.topic)}::text[], ${envelopes.map((e) => e.type)}::text[],
                ${envelopes.map((e) => e.aggregateType)}::text[], ${envelopes.map((e) => e.aggregateId)}::text[],
                ${envelopes.map((e) => JSON.stringify(e.payload))}::text[], ${envelopes.map((e) => e.occurredAt)}::timestamptz[])
         WITH ORDINALITY AS t(id, topic, type, aggregate_type, aggregate_id, payload, occurred_at, n)
    ORDER BY n`;
  await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  return envelopes;
}
