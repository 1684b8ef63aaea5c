// The outbox relay: claim a batch of unpublished rows (short transaction, lease), publish them
// outside any transaction, mark them published. Wakes on NOTIFY from appendEvent, or after a
// short poll when a notification was missed. Several relays may run at once (SKIP LOCKED +
// leases); a relay killed mid-batch leaves leases that expire and another claim republishes
// (consumers absorb the duplicate). Retention deletes published rows once a minute.
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { OUTBOX_CHANNEL } from '../../lib/events/append-event';
import { claimOutboxBatch } from '../../lib/events/claim-outbox-batch';
import { deletePublishedEvents } from '../../lib/events/delete-published-events';
import { markOutboxPublished } from '../../lib/events/mark-outbox-published';
import { releaseOutboxClaim } from '../../lib/events/release-outbox-claim';
import type { EventEnvelope } from '../../lib/events/catalog';
import type { EventTransport } from '../../lib/events/transport/event-transport';
import type { RoleHandle, WorkerContext } from './context';
import { acquireEventBus } from './event-bus';
import { outboxMetrics } from './outbox-metrics';

export type RelayOptions = {
  transport?: EventTransport;
  batchSize?: number;
  pollMs?: number;
  leaseMs?: number;
  retentionMs?: number;
  lingerMs?: number;
};

const RETENTION_EVERY_MS = 60_000;

export async function startRelay(ctx: WorkerContext, options: RelayOptions = {}): Promise<RoleHandle> {
  const batchSize = options.batchSize ?? ctx.config.RELAY_BATCH_SIZE;
  const pollMs = options.pollMs ?? ctx.config.RELAY_POLL_MS;
  const leaseMs = options.leaseMs ?? ctx.config.RELAY_LEASE_MS;
  const retentionMs = options.retentionMs ?? ctx.config.OUTBOX_RETENTION_HOURS * 3_600_000;
  const lingerMs = options.lingerMs ?? ctx.config.RELAY_LINGER_MS;
  const bus = options.transport ? undefined : acquireEventBus(ctx);
  const transport = options.transport ?? bus!.transport;
  const metrics = outboxMetrics(ctx);
  const log = ctx.logger.child({ component: 'relay', transport: transport.kind });

  let stopped = false;
  let wake: () => void = () => {};
  let wakeRequested = false;
  const requestWake = () => {
    wakeRequested = true;
    wake();
  };

  // LISTEN needs a connection of its own, outside Prisma's pool.
  let listener: pg.Client | undefined;
  async function listen() {
    while (!stopped) {
      const client = new pg.Client({ connectionString: ctx.config.DATABASE_URL });
      try {
        await client.connect();
        client.on('notification', requestWake);
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        listener = client;
        await new Promise<void>((resolve) => {
          client.once('error', (error) => {
            log.warn({ err: error }, 'outbox LISTEN connection lost; polling until it is back');
            resolve();
          });
          client.once('end', () => resolve());
        });
      } catch (error) {
        if (!stopped) log.warn({ err: error }, 'outbox LISTEN failed; polling');
      }
      listener = undefined;
      await client.end().catch(() => undefined);
      if (!stopped) await sleep(1_000);
    }
  }
  const listening = listen();

  // Pipelined: while batch N is being published, batch N+1 is claimed and batch N-1 (published
  // already) is marked, each on its own connection, so the DB round trips and the broker acks
  // overlap; N+1 is published only after N succeeded, so key order holds.
  let published: string[] = []; // acknowledged by the bus, not yet marked
  let claimed: EventEnvelope[] = [];

  const idsOf = (events: EventEnvelope[]) => events.map((e) => e.id);

  // Publishes start at least lingerMs apart; a claim starts as late as lets it finish by then,
  // so it takes in what was appended meanwhile. 0 publishes as soon as a batch is claimed.
  let lastPublishAt = -Infinity;
  let lastClaimMs = 0;
  /** `mine`: this relay's batches in flight or not yet marked; their leases do not block it. */
  async function claim(mine: string[]): Promise<EventEnvelope[]> {
    const wait = lastPublishAt + lingerMs - lastClaimMs - performance.now();
    if (wait > 0) await sleep(wait);
    const startedAt = performance.now();
    try {
      return await claimOutboxBatch(ctx.db, { limit: batchSize, leaseMs, inFlightIds: mine });
    } finally {
      lastClaimMs = performance.now() - startedAt;
    }
  }

  async function publishOnce(): Promise<number> {
    if (claimed.length === 0) {
      // Idle: settle the last batch before looking for more.
      await markOutboxPublished(ctx.db, published);
      published = [];
      claimed = await claim([]);
      if (claimed.length === 0) return 0;
    }
    const batch = claimed;
    const marking = published;
    published = [];
    lastPublishAt = performance.now();
    const publishing = transport.publish(batch).then(
      () => null,
      (error: unknown) => error,
    );
    // Marked beside the claim instead of inside it: the claim is the relay's critical path
    // (a 1,000-event claim with the mark took 30-40 ms alone and 60-90 ms on the busy bench host).
    const marked = markOutboxPublished(ctx.db, marking).then(
      () => null,
      (error: unknown) => error,
    );
    const next = claim([...idsOf(batch), ...marking]).then(
      (events) => ({ events, error: null }),
      (error: unknown) => ({ events: [] as EventEnvelope[], error }),
    );
    const [publishError, markError, following] = await Promise.all([publishing, marked, next]);
    claimed = [];
    if (markError) {
      // Marked with the next batch; until then its lease keeps others from republishing it.
      published = marking;
      log.warn({ err: markError }, 'could not mark a published batch; retrying with the next one');
    }
    if (publishError) {
      metrics.publishErrors.inc();
      // The following batch may hold later events of the same aggregates: release it too.
      const ids = [...idsOf(batch), ...idsOf(following.events)];
      await releaseOutboxClaim(ctx.db, ids, publishError instanceof Error ? publishError.message : String(publishError)).catch(() => undefined);
      throw publishError;
    }
    published = [...published, ...idsOf(batch)];
    const byTopic = new Map<string, number>();
    for (const event of batch) byTopic.set(event.topic, (byTopic.get(event.topic) ?? 0) + 1);
    for (const [topic, count] of byTopic) metrics.published.inc({ topic }, count);
    if (following.error) throw following.error;
    claimed = following.events;
    return batch.length;
  }

  let lastRetention = 0;
  async function run() {
    let failures = 0;
    while (!stopped) {
      try {
        if (Date.now() - lastRetention > RETENTION_EVERY_MS) {
          lastRetention = Date.now();
          // Slices of 5,000, at most 20 per minute: keeps up with 100k published events a minute.
          let deleted = 0;
          for (let slice = 0; slice < 20; slice++) {
            const count = await deletePublishedEvents(ctx.db, { olderThanMs: retentionMs, limit: 5_000 });
            deleted += count;
            if (count < 5_000 || stopped) break;
          }
          if (deleted) log.info({ deleted }, 'deleted published outbox events past retention');
        }
        wakeRequested = false;
        const count = await publishOnce();
        failures = 0;
        if (count > 0) continue; // drain the backlog without waiting
      } catch (error) {
        failures += 1;
        log.error({ err: error, failures }, 'relay could not publish; backing off');
        await sleep(Math.min(5_000, 100 * 2 ** Math.min(failures, 6)));
        continue;
      }
      if (wakeRequested) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = () => {};
    }
  }
  const running = run();
  log.info({ batchSize, pollMs, leaseMs, lingerMs }, 'relay started');

  return {
    async stop() {
      stopped = true;
      wake();
      await running;
      await releaseOutboxClaim(ctx.db, idsOf(claimed), 'relay stopped').catch(() => undefined);
      await markOutboxPublished(ctx.db, published).catch((error) => log.warn({ err: error }, 'could not mark the last batch published; it will be republished'));
      await listener?.end().catch(() => undefined);
      await listening;
      await bus?.release();
    },
  };
}
