// The outbox's behaviour, proven the same way over both transports (Kafka on librdkafka's mock
// cluster, and in-process); broker faults only where there are brokers.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendEvents } from '../../lib/events/append-events';
import { replayDeadLetter } from '../../lib/events/replay-dead-letter';
import { createInProcessTransport } from '../../lib/events/transport/create-in-process-transport';
import { createKafkaTransport } from '../../lib/events/transport/create-kafka-transport';
import type { EventTransport } from '../../lib/events/transport/event-transport';
import type { RoleHandle, WorkerContext } from '../../workers/runtime/context';
import { startConsumer } from '../../workers/runtime/start-consumer';
import { startRelay } from '../../workers/runtime/start-relay';
import { startKafkaMockCluster, type KafkaMockCluster } from '../../scripts/kafka-mock-cluster';
import { allowAnyBrokerForProducerId } from './allow-any-broker-for-producer-id';
import { EFFECT_GROUP, createEffectsTable, effectHandlers } from './outbox-effects';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_PORTONE_SETTINGS, TEST_SECRETS } from './test-secrets';
import { createTestWorkerContext } from './worker-context';

type Mode = 'kafka' | 'in-process';
const RETRY = { maxAttempts: 3, backoffMs: 50 };

export function defineOutboxSuite(mode: Mode) {
  let database: TestDatabase;
  let ctx: WorkerContext;
  let cluster: KafkaMockCluster | undefined;
  let transport: EventTransport;
  let relay: RoleHandle | undefined;
  let consumer: RoleHandle | undefined;
  const poisoned = new Set<string>();

  const startLocal = async ({ withConsumer = true } = {}) => {
    if (withConsumer && !consumer) consumer = await startConsumer(ctx, { group: EFFECT_GROUP, handlers: effectHandlers(poisoned), transport, retry: RETRY });
    relay ??= await startRelay(ctx, { transport, batchSize: 500, pollMs: 100, leaseMs: 15_000 });
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    await createEffectsTable(database.db);
    if (mode === 'kafka') {
      cluster = await startKafkaMockCluster();
      allowAnyBrokerForProducerId();
      ctx = createTestWorkerContext({ database, redisUrl: inject('redisUrl'), env: { KAFKA_BROKERS: cluster.brokers.join(',') } });
      transport = createKafkaTransport({ brokers: cluster.brokers, clientId: 'outbox-test', logger: ctx.logger, sessionTimeoutMs: 6_000, maxWaitTimeMs: 50, requestTimeoutMs: 5_000 });
    } else {
      ctx = createTestWorkerContext({ database, redisUrl: inject('redisUrl') });
      transport = createInProcessTransport();
    }
    await startLocal();
  }, 60_000);

  afterAll(async () => {
    await relay?.stop();
    await consumer?.stop();
    await transport?.close();
    await cluster?.stop();
    await ctx?.redis.quit();
    await database?.drop();
  }, 60_000);

  /** Appends `perAggregate` events to each aggregate; one appender per slice of aggregates keeps each aggregate's order defined. */
  async function appendAcross(aggregates: string[], perAggregate: number, { reason = (): string => 'card_declined', eventsPerTx = 50 }: { reason?: () => string; eventsPerTx?: number } = {}) {
    const order = new Map<string, string[]>(aggregates.map((a) => [a, []]));
    const appenders = 4;
    await Promise.all(
      Array.from({ length: appenders }, async (_, slot) => {
        const mine = aggregates.filter((_, i) => i % appenders === slot);
        const queue: string[] = [];
        for (let k = 0; k < perAggregate; k++) queue.push(...mine);
        for (let i = 0; i < queue.length; i += eventsPerTx) {
          const chunk = queue.slice(i, i + eventsPerTx);
          const ids = await database.db.$transaction(async (tx) => {
            const events = await appendEvents(
              tx,
              chunk.map((aggregateId) => ({ type: 'payment.failed' as const, aggregateId, payload: { paymentId: aggregateId, reservationId: null, reason: reason() } })),
            );
            return events.map((e) => e.id);
          }, { timeout: 30_000, maxWait: 10_000 }); // the CI machine is shared: no flaky 5 s default
          chunk.forEach((aggregateId, j) => order.get(aggregateId)!.push(ids[j]!));
        }
      }),
    );
    return order;
  }

  async function effectsOf(ids: string[]) {
    return database.db.$queryRaw<{ event_id: string; aggregate_id: string; n: bigint }[]>`
      SELECT event_id::text, aggregate_id, n FROM public.test_effects WHERE event_id = ANY(${ids}::uuid[]) ORDER BY n`;
  }
  async function backlog() {
    const [row] = await database.db.$queryRaw<{ count: bigint }[]>`SELECT count(*) FROM common.outbox_events WHERE published_at IS NULL`;
    return Number(row!.count);
  }
  async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await sleep(100);
    }
  }
  /**
   * Waits until nothing can add another effect for these events: all of them took effect, the
   * outbox has no unpublished row left (so no relay will publish any of them again), and a marker
   * event appended after that to each of their aggregates took effect too. An aggregate's events
   * share a partition (a lane in-process) that is consumed in order, so every earlier delivery of
   * them, a republished duplicate included, has been processed by then.
   */
  async function settle(order: Map<string, string[]>, timeoutMs: number) {
    const ids = [...order.values()].flat();
    await waitFor(`${ids.length} effects`, async () => (await effectsOf(ids)).length >= ids.length, timeoutMs);
    await waitFor('an empty backlog', async () => (await backlog()) === 0, timeoutMs);
    const markers = [...(await appendAcross([...order.keys()], 1)).values()].flat();
    await waitFor('the marker events behind them', async () => (await effectsOf(markers)).length === markers.length, timeoutMs);
  }
  /** Every event took effect exactly once, and each aggregate's effects follow its append order. */
  async function expectExactlyOnceInOrder(order: Map<string, string[]>, timeoutMs: number) {
    const ids = [...order.values()].flat();
    await settle(order, timeoutMs);
    const effects = await effectsOf(ids);
    expect(effects.length).toBe(ids.length);
    expect(new Set(effects.map((e) => e.event_id)).size).toBe(ids.length);
    const seen = new Map<string, string[]>();
    for (const e of effects) seen.set(e.aggregate_id, [...(seen.get(e.aggregate_id) ?? []), e.event_id]);
    for (const [aggregateId, expected] of order) expect(seen.get(aggregateId), aggregateId).toEqual(expected);
  }

  describe(`outbox over the ${mode} transport`, () => {
    it('delivers 10,000 events across 100 aggregates exactly once in effect and in order per aggregate', async () => {
      const aggregates = Array.from({ length: 100 }, () => randomUUID());
      const order = await appendAcross(aggregates, 100);
      await expectExactlyOnceInOrder(order, 120_000);
      await waitFor('empty backlog', async () => (await backlog()) === 0, 10_000);
    }, 180_000);

    it('keeps every aggregate in order when two relays publish at once', async () => {
      // A second relay process would do the same; here it shares nothing with the first but the database.
      const secondTransport = mode === 'kafka' ? createKafkaTransport({ brokers: cluster!.brokers, clientId: 'outbox-test-2', logger: ctx.logger }) : transport;
      const second = await startRelay(ctx, { transport: secondTransport, batchSize: 50, pollMs: 20, leaseMs: 15_000 });
      try {
        const aggregates = Array.from({ length: 20 }, () => randomUUID());
        const order = await appendAcross(aggregates, 100, { eventsPerTx: 10 });
        await expectExactlyOnceInOrder(order, 60_000);
        await waitFor('empty backlog', async () => (await backlog()) === 0, 10_000);
      } finally {
        await second.stop();
        if (secondTransport !== transport) await secondTransport.close();
      }
    }, 120_000);

    it('dead-letters an always-throwing event after the configured attempts while the others keep flowing, and replay re-delivers it', async () => {
      const poison = `poison-${randomUUID()}`;
      poisoned.add(poison);
      const aggregates = Array.from({ length: 10 }, () => randomUUID());
      let n = 0;
      // The 15th event (aggregate 5, second round) is the poisoned one; its aggregate's later events still flow.
      const order = await appendAcross(aggregates, 5, { reason: () => (++n === 15 ? poison : 'card_declined'), eventsPerTx: 10 });
      const all = [...order.values()].flat();
      const [poisonRow] = await database.db.$queryRaw<{ id: string }[]>`
        SELECT id::text FROM common.outbox_events WHERE payload->>'reason' = ${poison}`;
      const poisonId = poisonRow!.id;
      const others = all.filter((id) => id !== poisonId);

      await waitFor('the other events', async () => (await effectsOf(others)).length === others.length, 30_000);
      await waitFor('the dead letter', async () => (await database.db.deadLetter.count({ where: { eventId: poisonId } })) === 1, 30_000);
      const letter = await database.db.deadLetter.findFirstOrThrow({ where: { eventId: poisonId } });
      expect(letter).toMatchObject({ consumerGroup: EFFECT_GROUP, topic: 'payment.events', type: 'payment.failed', attempts: RETRY.maxAttempts });
      expect(letter.error).toContain(`poisoned event ${poison}`);
      expect((await effectsOf([poisonId])).length).toBe(0);

      if (mode === 'kafka') {
        expect(letter.sourcePartition).toBeTypeOf('number');
        expect(letter.sourceOffset).toMatch(/^\d+$/);
        const dlq = await readTopic(cluster!.brokers, 'dlq.payment', (value) => value.includes(poisonId));
        expect(JSON.parse(dlq)).toMatchObject({
          event: { id: poisonId },
          group: EFFECT_GROUP,
          attempts: RETRY.maxAttempts,
          source: { topic: 'payment.events', partition: letter.sourcePartition, offset: letter.sourceOffset },
        });
      }

      poisoned.delete(poison); // the fix ships; the admin replays
      await replayDeadLetter(database.db, { deadLetterId: letter.id, actorId: null });
      await waitFor('the replayed effect', async () => (await effectsOf([poisonId])).length === 1, 30_000);
      await settle(order, 30_000);
      expect((await effectsOf(all)).length).toBe(all.length);
      expect((await database.db.deadLetter.findUniqueOrThrow({ where: { id: letter.id } })).replayedAt).not.toBeNull();
      await expect(replayDeadLetter(database.db, { deadLetterId: letter.id, actorId: null })).rejects.toMatchObject({ code: 'conflict' });
    }, 90_000);

    if (mode === 'kafka') {
      it('keeps accepting appends while the brokers are frozen for 30 s, then drains the backlog with no loss', async () => {
        const aggregates = Array.from({ length: 20 }, () => randomUUID());
        cluster!.freeze();
        let order: Map<string, string[]>;
        let slowestAppendMs = 0;
        try {
          const started = Date.now();
          const orders: Map<string, string[]>[] = [];
          while (Date.now() - started < 30_000) {
            const t0 = Date.now();
            orders.push(await appendAcross(aggregates, 5, { eventsPerTx: 20 }));
            slowestAppendMs = Math.max(slowestAppendMs, Date.now() - t0);
            await sleep(1_000);
          }
          order = new Map(aggregates.map((a) => [a, orders.flatMap((o) => o.get(a)!)]));
          const frozenBacklog = await backlog();
          // Everything appended while frozen is still in the outbox (the relay could not publish it).
          expect(frozenBacklog).toBeGreaterThanOrEqual([...order.values()].flat().length - 500);
        } finally {
          cluster!.thaw();
        }
        expect(slowestAppendMs).toBeLessThan(5_000);
        await expectExactlyOnceInOrder(order, 90_000);
        await waitFor('empty backlog', async () => (await backlog()) === 0, 30_000);
      }, 180_000);
    }

    it('loses nothing when the relay is SIGKILLed mid-batch and restarted', async () => {
      await relay?.stop();
      relay = undefined;
      if (mode === 'in-process') {
        // In-process delivery happens inside the relay's process: the consumer goes down with it.
        await consumer?.stop();
        consumer = undefined;
      }
      const aggregates = Array.from({ length: 50 }, () => randomUUID());
      const order = await appendAcross(aggregates, 60); // 3,000 events
      const total = [...order.values()].flat().length;

      const first = spawnRelayProcess(mode, database.url, cluster?.brokers);
      try {
        await waitFor('the first published batch', async () => (await backlog()) < total, 30_000);
        first.kill('SIGKILL');
        await new Promise((resolve) => first.once('exit', resolve));
      } finally {
        first.kill('SIGKILL');
      }
      expect(await backlog()).toBeGreaterThan(0); // killed mid-way: work left for the restart

      const second = spawnRelayProcess(mode, database.url, cluster?.brokers);
      try {
        await waitFor('empty backlog after restart', async () => (await backlog()) === 0, 60_000);
        // While the restarted relay still runs: settling appends marker events that it must publish.
        await expectExactlyOnceInOrder(order, 60_000);
      } finally {
        second.kill('SIGKILL');
        await new Promise((resolve) => (second.exitCode === null ? second.once('exit', resolve) : resolve(null)));
      }
    }, 150_000);
  });
}

function spawnRelayProcess(mode: Mode, databaseUrl: string, brokers?: string[]): ChildProcess {
  const preload = mode === 'kafka' ? ['--import', './test/support/kafka-mock-cluster-preload.ts'] : [];
  const child = spawn(process.execPath, ['--import', 'tsx', ...preload, 'test/support/outbox-relay-process.ts', ...(mode === 'in-process' ? ['--consume'] : [])], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'error',
      DATABASE_URL: databaseUrl,
      REDIS_URL: inject('redisUrl'),
      ...TEST_SECRETS,
      ...TEST_PORTONE_SETTINGS,
      // Small batches and short leases: the kill lands mid-way and the restart reclaims quickly.
      RELAY_BATCH_SIZE: '100',
      RELAY_LEASE_MS: '2000',
      RELAY_POLL_MS: '100',
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      ...(brokers ? { KAFKA_BROKERS: brokers.join(',') } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return child;
}

/** Reads a topic from the beginning with a throwaway group until a message matches. */
async function readTopic(brokers: string[], topic: string, match: (value: string) => boolean): Promise<string> {
  const kafka = new Kafka({ clientId: 'dlq-reader', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `dlq-reader-${randomUUID()}`, sessionTimeout: 6_000, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    return await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching message on ${topic}`)), 20_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const value = message.value?.toString() ?? '';
          if (match(value)) {
            clearTimeout(timer);
            resolve(value);
          }
        },
      });
    });
  } finally {
    await Promise.race([consumer.disconnect(), sleep(6_000)]);
  }
}
