// What the relay and the consumer runtime need from a bus. Two implementations: Kafka
// (kafkajs, KAFKA_BROKERS set) and in-process (the embedded default). Handlers never see it.
import type { EventEnvelope } from '../catalog';

export type Delivery = {
  event: EventEnvelope;
  /** Kafka coordinates of the message (null in-process), kept on dead letters. */
  partition: number | null;
  offset: string | null;
};

export type BatchControl = {
  /** Keep the group membership alive during long retries (no-op in-process). */
  heartbeat(): Promise<void>;
};

/**
 * Processes a batch of one partition (Kafka) or one publish (in-process), in order. Resolving
 * means every delivery is done (processed, skipped or dead-lettered); throwing means "deliver
 * this batch again" (the runtime throws only for infrastructure failures, e.g. the database).
 */
export type BatchHandler = (deliveries: Delivery[], control: BatchControl) => Promise<void>;

export type DeadLetterMessage = {
  topic: string;
  event: EventEnvelope;
  group: string;
  error: string;
  attempts: number;
  partition: number | null;
  offset: string | null;
};

export type ConsumerLag = { group: string; topic: string; lag: number };

export type Subscription = { stop(): Promise<void> };

export interface EventTransport {
  readonly kind: 'kafka' | 'in-process';
  /** Resolves once the bus owns the events (Kafka: acks=all on every message). Throws otherwise. */
  publish(events: EventEnvelope[]): Promise<void>;
  publishDeadLetter(message: DeadLetterMessage): Promise<void>;
  subscribe(options: { group: string; topics: string[]; onBatch: BatchHandler }): Promise<Subscription>;
  consumerLag(groups: { group: string; topics: string[] }[]): Promise<ConsumerLag[]>;
  close(): Promise<void>;
}
