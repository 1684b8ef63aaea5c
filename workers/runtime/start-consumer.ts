// The consumer runtime: one consumer group per role. Each event's handler runs in a database
// transaction that also inserts (group, event id) into processed_events, so a redelivered event
// has no second effect (ADR-003: at-least-once delivery, idempotent consumers). A handler that
// keeps throwing is retried with backoff up to its catalog attempts, then dead-lettered with the
// error and the source offset, and the partition moves on. The transport is invisible here.
import { setTimeout as sleep } from 'node:timers/promises';
import { SpanKind } from '@opentelemetry/api';
import type { Prisma } from '../../lib/db/create-prisma';
import { EVENT_CATALOG, isEventType, topicsOf, type EventEnvelope, type EventType } from '../../lib/events/catalog';
import { recordDeadLetter } from '../../lib/events/record-dead-letter';
import type { BatchControl, Delivery, EventTransport, Subscription } from '../../lib/events/transport/event-transport';
import { runInSpan } from '../../lib/tracing/run-in-span';
import { contextOfTraceparent } from '../../lib/tracing/trace-context';
import type { RoleHandle, WorkerContext } from './context';
import { acquireEventBus } from './event-bus';
import { outboxMetrics } from './outbox-metrics';

/** `tx` also records the event as processed; `ctx` gives what else the effect needs (Redis, config). */
export type EventHandler<T extends EventType = EventType> = (event: EventEnvelope<T>, tx: Prisma.TransactionClient, ctx: WorkerContext) => Promise<void>;
export type EventHandlers = { [T in EventType]?: EventHandler<T> };

export type ConsumerOptions = {
  group: string;
  handlers: EventHandlers;
  /** Tests and benches pass their own transport; roles use the process's event bus. */
  transport?: EventTransport;
  /** Overrides the catalog's retry policy (tests keep backoff short). */
  retry?: { maxAttempts?: number; backoffMs?: number };
};

// One transaction per slice of a batch: a slice this size commits in a few ms and keeps a
// redelivered batch (a consumer restart) cheap to skip. 500, not 250: the mock cluster's
// fetches bring 200-320 events per partition, and a second transaction for the last few
// cost as much Prisma work as the first.
const SLICE = 500;
const TX_OPTIONS = { maxWait: 10_000, timeout: 30_000 };

export async function startConsumer(ctx: WorkerContext, options: ConsumerOptions): Promise<RoleHandle> {
  const { group, handlers } = options;
  const types = (Object.keys(handlers) as string[]).filter(isEventType);
  const metrics = outboxMetrics(ctx);
  const log = ctx.logger.child({ consumerGroup: group });
  const bus = options.transport ? undefined : acquireEventBus(ctx);
  const transport = options.transport ?? bus!.transport;

  const handlerOf = (event: EventEnvelope) => (handlers as Record<string, EventHandler | undefined>)[event.type];

  /**
   * Parses the payload with the catalog and runs the handler; throws what the handler throws.
   * Its span continues the trace the event carries (the relay's publish span), across Kafka.
   */
  async function runHandler(event: EventEnvelope, tx: Prisma.TransactionClient) {
    const entry = EVENT_CATALOG[event.type];
    const payload = entry.payload.parse(event.payload);
    const attributes = { 'messaging.destination.name': event.topic, 'messaging.consumer.group.name': group, 'messaging.message.id': event.id };
    await runInSpan(`consume ${event.type}`, { kind: SpanKind.CONSUMER, attributes, parent: contextOfTraceparent(event.traceparent) }, () =>
      handlerOf(event)!({ ...event, payload } as EventEnvelope, tx, ctx),
    );
  }

  // Label lookups once, not per event: the histogram's child is bound here, and the processed
  // counter is added to per type once per slice.
  const commitToEffect = metrics.commitToEffect.labels({ group });
  const observe = (events: EventEnvelope[]) => {
    const now = Date.now();
    const byType = new Map<string, number>();
    for (const event of events) {
      byType.set(event.type, (byType.get(event.type) ?? 0) + 1);
      commitToEffect.observe(Math.max(0, now - Date.parse(event.occurredAt)) / 1000);
    }
    for (const [type, count] of byType) metrics.processed.inc({ group, type }, count);
  };

  /** Fast path: the whole slice in one transaction. Returns false when any handler threw. */
  async function processSlice(deliveries: Delivery[]): Promise<boolean> {
    try {
      const done = await ctx.db.$transaction(async (tx) => {
        // The ids go in and the fresh ones come back as one comma-joined string each: Prisma
        // serialises an array parameter element by element and decodes a row per returned id,
        // which cost more CPU than the insert itself.
        const ids = deliveries.map((d) => d.event.id).join(',');
        const [fresh] = await tx.$queryRaw<[{ ids: string | null }]>`
          WITH inserted AS (
            INSERT INTO common.processed_events (consumer_group, event_id)
            SELECT ${group}, unnest(string_to_array(${ids}, ',')::uuid[])
            ON CONFLICT DO NOTHING
            RETURNING event_id)
          SELECT string_agg(event_id::text, ',') AS ids FROM inserted`;
        const freshIds = new Set(fresh.ids?.split(',') ?? []);
        const ran: EventEnvelope[] = [];
        for (const { event } of deliveries) {
          if (!freshIds.has(event.id)) continue;
          freshIds.delete(event.id); // the same id twice in one slice runs once
          await runHandler(event, tx);
          ran.push(event);
        }
        return { ran, skipped: deliveries.length - ran.length };
      }, TX_OPTIONS);
      observe(done.ran);
      if (done.skipped) metrics.duplicates.inc({ group }, done.skipped);
      return true;
    } catch (error) {
      if (isInfrastructureError(error)) throw error;
      return false;
    }
  }

  /** Slow path: one event, its own transaction per attempt, backoff between, dead letter at the end. */
  async function processOne(delivery: Delivery, control: BatchControl) {
    const { event } = delivery;
    const retry = isEventType(event.type) ? EVENT_CATALOG[event.type].retry : { maxAttempts: 1, backoffMs: 0 };
    const maxAttempts = options.retry?.maxAttempts ?? retry.maxAttempts;
    const backoffMs = options.retry?.backoffMs ?? retry.backoffMs;
    let lastError: unknown;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      try {
        const ran = await ctx.db.$transaction(async (tx) => {
          const inserted = await tx.$executeRaw`
            INSERT INTO common.processed_events (consumer_group, event_id) VALUES (${group}, ${event.id}::uuid)
            ON CONFLICT DO NOTHING`;
          if (inserted === 0) return false;
          await runHandler(event, tx);
          return true;
        }, TX_OPTIONS);
        if (ran) observe([event]);
        else metrics.duplicates.inc({ group });
        return;
      } catch (error) {
        if (isInfrastructureError(error)) throw error;
        lastError = error;
        metrics.handlerFailures.inc({ group, type: event.type });
        log.warn({ err: error, eventId: event.id, type: event.type, attempt, maxAttempts }, 'event handler failed');
        if (attempt < maxAttempts) {
          await sleep(backoffMs * 2 ** (attempt - 1));
          await control.heartbeat();
        }
      }
    }
    const message = describe(lastError);
    const deadLetterTopic = isEventType(event.type) ? EVENT_CATALOG[event.type].deadLetterTopic : `dlq.${event.topic}`;
    await recordDeadLetter(ctx.db, { event, group, error: message, attempts: maxAttempts, partition: delivery.partition, offset: delivery.offset });
    try {
      await transport.publishDeadLetter({ topic: deadLetterTopic, event, group, error: message, attempts: maxAttempts, partition: delivery.partition, offset: delivery.offset });
    } catch (error) {
      // The row in common.dead_letters is the record the admin page replays from; the topic copy is for other tooling.
      log.error({ err: error, eventId: event.id, topic: deadLetterTopic }, 'could not publish to the dead-letter topic');
    }
    metrics.deadLettered.inc({ group, type: event.type });
    log.error({ eventId: event.id, type: event.type, attempts: maxAttempts, error: message }, 'event dead-lettered');
  }

  async function onBatch(deliveries: Delivery[], control: BatchControl) {
    const mine = deliveries.filter((d) => handlerOf(d.event));
    for (let i = 0; i < mine.length; i += SLICE) {
      const slice = mine.slice(i, i + SLICE);
      if (!(await processSlice(slice))) {
        for (const delivery of slice) await processOne(delivery, control);
      }
      await control.heartbeat();
    }
  }

  const subscription: Subscription = await transport.subscribe({ group, topics: topicsOf(types), onBatch });
  log.info({ types, transport: transport.kind }, 'consumer started');
  return {
    async stop() {
      await subscription.stop();
      await bus?.release();
    },
  };
}

/** Errors that are not the handler's fault: the batch is delivered again instead of dead-lettered. */
function isInfrastructureError(error: unknown): boolean {
  const code = (error as { code?: string })?.code;
  const name = (error as Error)?.name;
  const message = String((error as Error)?.message ?? '');
  // Prisma's connection/pool/timeout codes and node-postgres connection failures; and Redis
  // unreachable (ioredis gives up on a command after its retries, in well under a second): a
  // handler whose effect is in Redis would otherwise dead-letter every event of a short outage.
  return (
    name === 'MaxRetriesPerRequestError' ||
    message === 'Connection is closed.' ||
    code === 'P1001' || // can't reach the database
    code === 'P2037' || // too many connections
    code === 'P1017' ||
    code === 'P2024' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    /Connection terminated|connect ECONNREFUSED|Timed out fetching a new connection/.test(message)
  );
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
