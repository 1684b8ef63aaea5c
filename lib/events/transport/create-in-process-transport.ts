// The embedded default (no KAFKA_BROKERS): publishing hands the events straight to the
// consumer groups subscribed in this process and resolves when they have all processed them,
// so the relay marks a row published only after its effects committed. A crash in between
// leaves the row unpublished; redelivery is absorbed by processed_events, as with Kafka.
import type { EventEnvelope } from '../catalog';
import type { BatchHandler, ConsumerLag, Delivery, EventTransport } from './event-transport';

const LANES = 4;
function laneOf(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) | 0;
  return Math.abs(hash) % LANES;
}

type Group = { group: string; topics: Set<string>; onBatch: BatchHandler; queue: Promise<void> };

export function createInProcessTransport(
  options: {
    expectedGroups?: string[];
    waitForGroupsMs?: number;
    /** Unpublished events per topic: in-process, what is not yet published is what consumers have yet to process. */
    pendingByTopic?: () => Promise<Map<string, number>>;
  } = {},
): EventTransport & {
  expectGroups(groups: string[]): void;
} {
  const groups = new Map<string, Group>();
  let expected = new Set(options.expectedGroups ?? []);
  const waiters = new Set<() => void>();
  const noop = async () => {};

  const missing = () => [...expected].filter((g) => !groups.has(g));
  // Roles start one after another: events published before a group of this process subscribed
  // would be marked published without reaching it. Wait (bounded) until every expected group is in.
  async function groupsReady() {
    if (missing().length === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, options.waitForGroupsMs ?? 10_000);
      function done() {
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      }
      const check = () => missing().length === 0 && done();
      waiters.add(check);
    });
  }

  return {
    kind: 'in-process',
    expectGroups(list) {
      expected = new Set([...expected, ...list]);
    },
    async publish(events: EventEnvelope[]) {
      await groupsReady();
      await Promise.all(
        [...groups.values()].map((g) => {
          const deliveries = events.filter((e) => g.topics.has(e.topic)).map((event) => ({ event, partition: null, offset: null }));
          if (deliveries.length === 0) return undefined;
          // Lanes play Kafka's partitions: one aggregate always takes the same lane, lanes run
          // concurrently (4× the database work in flight), each in order. One publish at a time
          // per group keeps per-aggregate order across concurrent publishers.
          const lanes = new Map<number, Delivery[]>();
          for (const d of deliveries) {
            const lane = laneOf(d.event.aggregateId);
            const list = lanes.get(lane);
            if (list) list.push(d);
            else lanes.set(lane, [d]);
          }
          const run = g.queue.then(async () => {
            await Promise.all([...lanes.values()].map((lane) => g.onBatch(lane, { heartbeat: noop })));
          });
          g.queue = run.catch(() => undefined);
          return run;
        }),
      );
    },
    async publishDeadLetter() {
      // In-process dead letters live only in common.dead_letters (written by the runtime).
    },
    async subscribe({ group, topics, onBatch }) {
      if (groups.has(group)) throw new Error(`consumer group ${group} is already subscribed in this process`);
      const entry: Group = { group, topics: new Set(topics), onBatch, queue: Promise.resolve() };
      groups.set(group, entry);
      for (const check of [...waiters]) check();
      return {
        async stop() {
          groups.delete(group);
          await entry.queue;
        },
      };
    },
    async consumerLag(list): Promise<ConsumerLag[]> {
      // Publishing is processing in-process: a group's lag is its topics' outbox backlog.
      const pending = (await options.pendingByTopic?.()) ?? new Map<string, number>();
      return list.flatMap(({ group, topics }) => topics.map((topic) => ({ group, topic, lag: pending.get(topic) ?? 0 })));
    },
    async close() {
      await Promise.all([...groups.values()].map((g) => g.queue));
      groups.clear();
    },
  };
}
