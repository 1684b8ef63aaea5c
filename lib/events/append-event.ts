// Appends an event to the outbox inside the caller's transaction, so the state change and its
// event commit together (invariant 3). The payload is validated against the catalog here, not
// in the consumer: a bad event never leaves the service that made it.
import { z } from 'zod';
import type { Prisma } from '../db/create-prisma';
import { uuidV7 } from '../db/uuid-v7';
import { currentTraceparent } from '../tracing/trace-context';
import { EVENT_CATALOG, type EventEnvelope, type EventPayload, type EventType } from './catalog';

export const OUTBOX_CHANNEL = 'outbox_events';
const notified = new WeakSet<object>();

export const AppendEventInput = z.object({
  type: z.enum(Object.keys(EVENT_CATALOG) as [EventType, ...EventType[]]),
  aggregateId: z.string().min(1).max(200),
  payload: z.unknown(),
  /** Defaults to now; pass the domain's instant when the event describes an earlier moment. */
  occurredAt: z.date().optional(),
  /** Defaults to a fresh UUIDv7; pass one to make a retried command append the same event. */
  id: z.uuid().optional(),
});
export type AppendEventInput<T extends EventType = EventType> = {
  type: T;
  aggregateId: string;
  payload: EventPayload<T>;
  occurredAt?: Date;
  id?: string;
};

function traced(): { traceparent?: string } {
  const traceparent = currentTraceparent();
  return traceparent ? { traceparent } : {};
}

/** Validates an event against its catalog entry and gives it an id, a time and its trace. */
export function buildEnvelope<T extends EventType>(input: AppendEventInput<T>): EventEnvelope<T> {
  const parsed = AppendEventInput.parse(input);
  const entry = EVENT_CATALOG[parsed.type];
  return {
    // Time-ordered: the outbox's and processed_events' primary keys grow at their right edge
    // instead of touching a random B-tree page per event (random v4 ids made marking 1,000
    // events published take 18 ms).
    id: parsed.id ?? uuidV7(),
    type: parsed.type as T,
    topic: entry.topic,
    aggregateType: entry.aggregateType,
    aggregateId: parsed.aggregateId,
    occurredAt: (parsed.occurredAt ?? new Date()).toISOString(),
    payload: entry.payload.parse(parsed.payload) as EventPayload<T>,
    ...traced(),
  };
}

/** `tx` is the client of a Prisma interactive transaction (`db.$transaction(async (tx) => …)`). */
export async function appendEvent<T extends EventType>(tx: Prisma.TransactionClient, input: AppendEventInput<T>): Promise<EventEnvelope<T>> {
  const envelope = buildEnvelope(input);
  await tx.$executeRaw`
    INSERT INTO common.outbox_events (id, topic, type, aggregate_type, aggregate_id, payload, occurred_at, traceparent)
    VALUES (${envelope.id}::uuid, ${envelope.topic}, ${envelope.type}, ${envelope.aggregateType}, ${envelope.aggregateId},
            ${JSON.stringify(envelope.payload)}::jsonb, ${envelope.occurredAt}::timestamptz, ${envelope.traceparent ?? null})`;
  // Wakes the relay at commit (and only if it commits). Once per transaction is enough: the
  // relay drains everything it finds, so the 2nd..nth event of a transaction skip the round trip.
  if (!notified.has(tx)) {
    notified.add(tx);
    await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  }
  return envelope;
}
