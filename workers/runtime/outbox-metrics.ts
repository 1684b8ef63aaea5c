// The outbox's Prometheus series on the worker's registry (/metrics): backlog and its age,
// relay publishes and errors, consumer processing, lag per group, dead letters waiting.
// Registered once per registry: every role of a process shares them.
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import { getOutboxStatus } from '../../lib/events/get-outbox-status';
import type { ConsumerLag } from '../../lib/events/transport/event-transport';
import type { WorkerContext } from './context';

export type OutboxMetrics = ReturnType<typeof register>;

const byRegistry = new WeakMap<Registry, OutboxMetrics>();
/** Filled by whoever can ask the bus for lag (the event bus of this process). */
type LagSource = () => Promise<ConsumerLag[]>;

function register(ctx: WorkerContext) {
  const registers = [ctx.metrics];
  let lagSource: LagSource | undefined;
  // One status query serves the three DB-backed gauges of a scrape.
  let status: { at: number; value: Promise<Awaited<ReturnType<typeof getOutboxStatus>>> } | undefined;
  const currentStatus = () => {
    if (!status || Date.now() - status.at > 1_000) status = { at: Date.now(), value: getOutboxStatus(ctx.db) };
    return status.value;
  };

  new Gauge({
    name: 'outbox_backlog',
    help: 'Outbox events not yet published',
    registers,
    async collect() {
      this.set((await currentStatus()).backlog);
    },
  });
  new Gauge({
    name: 'outbox_oldest_unpublished_age_seconds',
    help: 'Age of the oldest unpublished outbox event (0 when the backlog is empty)',
    registers,
    async collect() {
      this.set((await currentStatus()).oldestUnpublishedAgeSeconds ?? 0);
    },
  });
  const deadLetters = new Gauge({
    name: 'outbox_dead_letters',
    help: 'Dead letters not yet replayed, per consumer group',
    labelNames: ['group'],
    registers,
    async collect() {
      deadLetters.reset();
      for (const { group, waiting } of (await currentStatus()).deadLetters) deadLetters.set({ group }, waiting);
    },
  });
  const lag = new Gauge({
    name: 'outbox_consumer_lag',
    help: 'Messages a consumer group has yet to process (end offset - committed offset)',
    labelNames: ['group', 'topic'],
    registers,
    async collect() {
      if (!lagSource) return;
      try {
        const rows = await lagSource();
        lag.reset();
        for (const row of rows) lag.set({ group: row.group, topic: row.topic }, row.lag);
      } catch {
        // brokers unreachable: keep the last values rather than fail the whole scrape
      }
    },
  });

  return {
    setLagSource(source: LagSource) {
      lagSource = source;
    },
    published: new Counter({ name: 'outbox_relay_published_total', help: 'Events the relay published', labelNames: ['topic'], registers }),
    publishErrors: new Counter({ name: 'outbox_relay_publish_errors_total', help: 'Relay batches that failed to publish', registers }),
    processed: new Counter({ name: 'outbox_consumer_processed_total', help: 'Events whose handler committed', labelNames: ['group', 'type'], registers }),
    duplicates: new Counter({ name: 'outbox_consumer_duplicates_total', help: 'Redelivered events skipped by processed_events', labelNames: ['group'], registers }),
    handlerFailures: new Counter({ name: 'outbox_consumer_handler_failures_total', help: 'Handler attempts that threw', labelNames: ['group', 'type'], registers }),
    deadLettered: new Counter({ name: 'outbox_consumer_dead_lettered_total', help: 'Events sent to a dead-letter topic', labelNames: ['group', 'type'], registers }),
    commitToEffect: new Histogram({
      name: 'outbox_commit_to_effect_seconds',
      help: 'From the event occurring (its transaction) to its consumer effect committing',
      labelNames: ['group'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
  };
}

export function outboxMetrics(ctx: WorkerContext): OutboxMetrics {
  let metrics = byRegistry.get(ctx.metrics);
  if (!metrics) {
    metrics = register(ctx);
    byRegistry.set(ctx.metrics, metrics);
  }
  return metrics;
}
