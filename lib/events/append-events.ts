// Appends several events in one statement inside the caller's transaction (a command that
// emits many events, or a backfill): same validation and rows as appendEvent, one round trip.
import type { Prisma } from '../db/create-prisma';
import { appendEvent, buildEnvelope, OUTBOX_CHANNEL, type AppendEventInput } from './append-event';
import type { EventEnvelope, EventType } from './catalog';
import { insertOutboxRows } from './insert-outbox-rows';

export async function appendEvents<T extends EventType>(tx: Prisma.TransactionClient, inputs: AppendEventInput<T>[]): Promise<EventEnvelope<T>[]> {
  if (inputs.length === 1) return [await appendEvent(tx, inputs[0]!)];
  const envelopes = inputs.map((input) => buildEnvelope(input));
  if (envelopes.length === 0) return [];
  await tx.$executeRaw(insertOutboxRows(envelopes));
  await tx.$executeRaw`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`;
  return envelopes;
}
