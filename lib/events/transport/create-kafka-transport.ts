// The Kafka transport (KAFKA_BROKERS set): one idempotent producer (acks=all, bounded retries
// with backoff), one consumer per group (eachBatch, offsets committed after the runtime has
// processed a batch), one admin client for consumer lag. Message key = aggregate id, so one
// aggregate's events share a partition and stay in order.
import { Kafka, logLevel, Partitioners, type Admin, type Consumer, type Message, type Producer } from 'kafkajs';
import type { Logger } from '../../logging/create-logger';
import type { EventEnvelope } from '../catalog';
import type { ConsumerLag, DeadLetterMessage, Delivery, EventTransport, Subscription } from './event-transport';

export type KafkaTransportOptions = {
  brokers: string[];
  clientId: string;
  logger: Logger;
  /** Consumer session timeout; a restarted consumer rejoins after about this long. */
  sessionTimeoutMs?: number;
  /** How long a fetch waits for data: the floor of commit-to-effect latency when idle. */
  maxWaitTimeMs?: number;
  /** Per-request timeout; a frozen broker turns into a retried error after this long. */
  requestTimeoutMs?: number;
  partitionsConsumedConcurrently?: number;
  /** SASL/SCRAM-SHA-512 over TLS (MSK's port 9096); unset → plaintext (a laptop, the mock cluster). */
  scram?: { username: string; password: string };
};

const PINO_LEVEL = { [logLevel.ERROR]: 'error', [logLevel.WARN]: 'warn', [logLevel.INFO]: 'info', [logLevel.DEBUG]: 'debug', [logLevel.NOTHING]: 'silent' } as const;

// The envelope in the value carries the id and type; the one header is `traceparent`, and only
// on traced events: kafkajs encoding two headers per message cost the relay 7-8 µs of CPU per
// event (25 → 18 µs per message produced to the mock cluster), so untraced events carry none.
export function messageOf(event: EventEnvelope): Message {
  if (!event.traceparent) return { key: event.aggregateId, value: JSON.stringify(event) };
  const { traceparent, ...untraced } = event;
  return { key: event.aggregateId, value: JSON.stringify(untraced), headers: { traceparent } };
}

/** The envelope back from a message, with the trace it travelled in. */
export function envelopeOf(message: Pick<Message, 'value' | 'headers'>): EventEnvelope {
  const event = JSON.parse(message.value?.toString() ?? 'null') as EventEnvelope;
  const traceparent = message.headers?.traceparent;
  if (traceparent) event.traceparent = traceparent.toString();
  return event;
}

async function within<T>(ms: number, promise: Promise<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export function createKafkaTransport(options: KafkaTransportOptions): EventTransport {
  const log = options.logger.child({ component: 'kafkajs' });
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...(options.scram ? { ssl: true, sasl: { mechanism: 'scram-sha-512' as const, ...options.scram } } : {}),
    requestTimeout: options.requestTimeoutMs ?? 10_000,
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 100, maxRetryTime: 5_000, retries: 8 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }) => {
        const { message, ...rest } = entry;
        log[PINO_LEVEL[level as keyof typeof PINO_LEVEL] ?? 'info']?.(rest, message);
      },
  });

  let producer: Promise<Producer> | undefined;
  let admin: Promise<Admin> | undefined;
  const consumers = new Set<Consumer>();

  const getProducer = () =>
    (producer ??= (async () => {
      const p = kafka.producer({
        idempotent: true, // implies acks=all; broker-side sequence numbers drop retried duplicates
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        // Bounded (kafkajs defaults to unlimited for idempotence): a publish that cannot
        // succeed fails so the relay can release its lease and report the error.
        retry: { initialRetryTime: 100, maxRetryTime: 5_000, retries: 8 },
      });
      await p.connect();
      return p;
    })().catch((error) => {
      producer = undefined;
      throw error;
    }));

  const getAdmin = () =>
    (admin ??= (async () => {
      const a = kafka.admin();
      await a.connect();
      return a;
    })().catch((error) => {
      admin = undefined;
      throw error;
    }));

  return {
    kind: 'kafka',

    async publish(events) {
      if (events.length === 0) return;
      const byTopic = new Map<string, Message[]>();
      for (const event of events) {
        const list = byTopic.get(event.topic) ?? [];
        list.push(messageOf(event));
        byTopic.set(event.topic, list);
      }
      const p = await getProducer();
      await p.sendBatch({ acks: -1, timeout: 10_000, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    },

    async publishDeadLetter(letter: DeadLetterMessage) {
      const p = await getProducer();
      await p.send({
        topic: letter.topic,
        acks: -1,
        messages: [
          {
            key: letter.event.aggregateId,
            value: JSON.stringify({
              event: letter.event,
              group: letter.group,
              error: letter.error,
              attempts: letter.attempts,
              source: { topic: letter.event.topic, partition: letter.partition, offset: letter.offset },
            }),
            headers: {
              'event-id': letter.event.id,
              'event-type': letter.event.type,
              'consumer-group': letter.group,
              'source-partition': String(letter.partition ?? ''),
              'source-offset': letter.offset ?? '',
            },
          },
        ],
      });
    },

    async subscribe({ group, topics, onBatch }): Promise<Subscription> {
      const consumer = kafka.consumer({
        groupId: group,
        sessionTimeout: options.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: Math.max(500, Math.floor((options.sessionTimeoutMs ?? 30_000) / 6)),
        maxWaitTimeInMs: options.maxWaitTimeMs ?? 100,
        allowAutoTopicCreation: true,
        retry: { initialRetryTime: 100, maxRetryTime: 5_000, retries: 10 },
      });
      consumers.add(consumer);
      await consumer.connect();
      // A new group starts at the earliest offset: events published before it first joined are its too.
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        autoCommit: true,
        autoCommitInterval: 1_000,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.partitionsConsumedConcurrently ?? 4,
        eachBatch: async ({ batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale }) => {
          if (!isRunning() || isStale() || batch.messages.length === 0) return;
          const deliveries: Delivery[] = [];
          for (const message of batch.messages) {
            try {
              deliveries.push({ event: envelopeOf(message), partition: batch.partition, offset: message.offset });
            } catch (error) {
              // Only the relay writes these topics; a message that is not JSON is noise, not an event.
              log.error({ err: error, topic: batch.topic, partition: batch.partition, offset: message.offset }, 'skipping undecodable message');
            }
          }
          await onBatch(deliveries, { heartbeat });
          resolveOffset(batch.lastOffset());
          await commitOffsetsIfNecessary();
        },
      });
      return {
        async stop() {
          consumers.delete(consumer);
          await within(10_000, consumer.disconnect());
        },
      };
    },

    async consumerLag(groups): Promise<ConsumerLag[]> {
      const a = await getAdmin();
      const topics = [...new Set(groups.flatMap((g) => g.topics))];
      const ends = new Map<string, Map<number, { high: bigint; low: bigint }>>();
      for (const topic of topics) {
        try {
          const offsets = await a.fetchTopicOffsets(topic);
          ends.set(topic, new Map(offsets.map((o) => [o.partition, { high: BigInt(o.high), low: BigInt(o.low) }])));
        } catch {
          ends.set(topic, new Map()); // the topic does not exist yet: nothing to lag behind
        }
      }
      const rows: ConsumerLag[] = [];
      for (const { group, topics: groupTopics } of groups) {
        const committed = await a.fetchOffsets({ groupId: group, topics: groupTopics });
        for (const { topic, partitions } of committed) {
          let lag = 0n;
          for (const { partition, offset } of partitions) {
            const end = ends.get(topic)?.get(partition);
            if (!end) continue;
            const from = BigInt(offset) < 0n ? end.low : BigInt(offset);
            if (end.high > from) lag += end.high - from;
          }
          rows.push({ group, topic, lag: Number(lag) });
        }
      }
      return rows;
    },

    async close() {
      await Promise.all([...consumers].map((c) => within(10_000, c.disconnect())));
      consumers.clear();
      const closing: Promise<unknown>[] = [];
      if (producer) closing.push(producer.then((p) => within(10_000, p.disconnect())).catch(() => undefined));
      if (admin) closing.push(admin.then((a) => within(10_000, a.disconnect())).catch(() => undefined));
      producer = admin = undefined;
      await Promise.all(closing);
    },
  };
}
