// An outbox row as the relay claims it, and its envelope on the bus.
import type { EventEnvelope, EventType, Topic } from './catalog';

export type OutboxRow = {
  id: string;
  topic: string;
  type: string;
  aggregate_type: string;
  aggregate_id: string;
  payload: unknown;
  occurred_at: Date;
  seq: bigint | number | string;
};

export function envelopeOf(row: OutboxRow): EventEnvelope {
  return {
    id: row.id,
    type: row.type as EventType,
    topic: row.topic as Topic,
    aggregateType: row.aggregate_type,
    aggregateId: row.aggregate_id,
    occurredAt: new Date(row.occurred_at).toISOString(),
    payload: row.payload as EventEnvelope['payload'],
  };
}
