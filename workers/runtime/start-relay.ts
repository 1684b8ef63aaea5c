// The outbox relay: claim a batch of unpublished rows (short transaction, lease), publish them
// outside any transaction, mark them published. Wakes on NOTIFY from appendEvent, or after a
// short poll when a notification was missed. Several relays may run at once (SKIP LOCKED +
// leases); a relay killed mid-batch leaves leases that expire and another claim republishes
// (consumers absorb the duplicate). Retention deletes published rows once a minute.
//
// Three loops share one OutboxRelay: the notify listener (wakes the pipeline), the
// claim/publish/mark pipeline, and retention. Each reads on its own below.
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { OUTBOX_CHANNEL } from '../../lib/events/append-event';
import { claimOutboxBatch } from '../../lib/events/claim-outbox-batch';
import { deletePublishedEvents } from '../../lib/events/delete-published-events';
import { markOutboxPublished } from '../../lib/events/mark-outbox-published';
import { releaseOutboxClaim } from '../../lib/events/release-outbox-claim';
import type { EventEnvelope } from '../../lib/events/catalog';
import type { EventTransport } from '../../lib/events/transport/event-transport';
import type { Logger } from '../../lib/logging/create-logger';
import type { RoleHandle, WorkerContext } from './context';
import { acquireEventBus } from './event-bus';
import { outboxMetrics } from './outbox-metrics';
import { startPublishSpans } from '../../lib/tracing/start-publish-spans';

export type RelayOptions = {
  transport?: EventTransport;
  batchSize?: number;
  pollMs?: number;
  leaseMs?: number;
  retentionMs?: number;
  lingerMs?: number;
};

type RelaySettings = { batchSize: number; pollMs: number; leaseMs: number; retentionMs: number; lingerMs: number };

const RETENTION_EVERY_MS = 60_000;
// Slices of 5,000, at most 20 per run: keeps up with 100k published events a minute.
const RETENTION_SLICE = 5_000;
const RETENTION_SLICES_PER_RUN = 20;

const idsOf = (events: EventEnvelope[]) => events.map((e) => e.id);

/** The state the three loops share: the stop flag, the pipeline's wake-up, and the batches in flight. */
class OutboxRelay {
  private stopped = false;
  private readonly stopping = new AbortController();
  /** Set by a notification; the pipeline looks again at once instead of sleeping. */
  private wakeRequested = false;
  private wake: () => void = () => {};
  private listener: pg.Client | undefined;
  /** Acknowledged by the bus, not yet marked published. */
  private published: string[] = [];
  /** Claimed by this relay, not yet published. */
  private claimed: EventEnvelope[] = [];
  private lastPublishAt = -Infinity;
  private lastClaimMs = 0;
  private readonly metrics: ReturnType<typeof outboxMetrics>;

  constructor(
    private readonly ctx: WorkerContext,
    private readonly transport: EventTransport,
    private readonly settings: RelaySettings,
    private readonly log: Logger,
  ) {
    this.metrics = outboxMetrics(ctx);
  }

  private requestWake = () => {
    this.wakeRequested = true;
    this.wake();
  };

  // ── Loop 1: the notify listener. LISTEN needs a connection of its own, outside Prisma's pool;
  //    when it drops, the pipeline's poll covers the gap until it is back.
  async listenForNotifications(): Promise<void> {
    while (!this.stopped) {
      const client = new pg.Client({ connectionString: this.ctx.config.DATABASE_URL });
      try {
        await client.connect();
        client.on('notification', this.requestWake);
        await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
        this.listener = client;
        // stop() ends the listener it sees; one that connected after that sees the flag instead.
        if (!this.stopped) await new Promise<void>((resolve) => {
          client.once('error', (error) => {
            this.log.warn({ err: error }, 'outbox LISTEN connection lost; polling until it is back');
            resolve();
          });
          client.once('end', () => resolve());
        });
      } catch (error) {
        if (!this.stopped) this.log.warn({ err: error }, 'outbox LISTEN failed; polling');
      }
      this.listener = undefined;
      await client.end().catch(() => undefined);
      if (!this.stopped) await sleep(1_000);
    }
  }

  // ── Loop 2: the claim/publish/mark pipeline. Drains the backlog without waiting, backs off
  //    exponentially (≤ 5 s) after a failure, and otherwise sleeps until a notification or pollMs.
  async runPipeline(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        this.wakeRequested = false;
        const count = await this.publishOnce();
        failures = 0;
        if (count > 0) continue;
      } catch (error) {
        failures += 1;
        this.log.error({ err: error, failures }, 'relay could not publish; backing off');
        await sleep(Math.min(5_000, 100 * 2 ** Math.min(failures, 6)));
        continue;
      }
      if (this.wakeRequested) continue;
      await this.sleepUntilWoken();
    }
  }

  private async sleepUntilWoken(): Promise<void> {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.settings.pollMs);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
    this.wake = () => {};
  }

  /**
   * One step of the pipeline. While batch N is being published, batch N+1 is claimed and batch
   * N-1 (published already) is marked, each on its own connection, so the DB round trips and the
   * broker acks overlap; N+1 is published only after N succeeded, so key order holds.
   */
  private async publishOnce(): Promise<number> {
    if (this.claimed.length === 0) {
      // Idle: settle the last batch before looking for more.
      await markOutboxPublished(this.ctx.db, this.published);
      this.published = [];
      this.claimed = await this.claim([]);
      if (this.claimed.length === 0) return 0;
    }
    const batch = this.claimed;
    const marking = this.published;
    this.published = [];
    this.lastPublishAt = performance.now();
    const spans = startPublishSpans(batch);
    const publishing = this.transport.publish(batch).then(
      () => (spans.end(), null),
      (error: unknown) => (spans.fail(error), error),
    );
    // Marked beside the claim instead of inside it: the claim is the relay's critical path
    // (a 1,000-event claim with the mark took 30-40 ms alone and 60-90 ms on the busy bench host).
    const marked = markOutboxPublished(this.ctx.db, marking).then(
      () => null,
      (error: unknown) => error,
    );
    const next = this.claim([...idsOf(batch), ...marking]).then(
      (events) => ({ events, error: null }),
      (error: unknown) => ({ events: [] as EventEnvelope[], error }),
    );
    const [publishError, markError, following] = await Promise.all([publishing, marked, next]);
    this.claimed = [];
    if (markError) {
      // Marked with the next batch; until then its lease keeps others from republishing it.
      this.published = marking;
      this.log.warn({ err: markError }, 'could not mark a published batch; retrying with the next one');
    }
    if (publishError) {
      this.metrics.publishErrors.inc();
      // The following batch may hold later events of the same aggregates: release it too.
      const ids = [...idsOf(batch), ...idsOf(following.events)];
      await releaseOutboxClaim(this.ctx.db, ids, publishError instanceof Error ? publishError.message : String(publishError)).catch(() => undefined);
      throw publishError;
    }
    this.published = [...this.published, ...idsOf(batch)];
    const byTopic = new Map<string, number>();
    for (const event of batch) byTopic.set(event.topic, (byTopic.get(event.topic) ?? 0) + 1);
    for (const [topic, count] of byTopic) this.metrics.published.inc({ topic }, count);
    if (following.error) throw following.error;
    this.claimed = following.events;
    return batch.length;
  }

  /**
   * Publishes start at least lingerMs apart; a claim starts as late as lets it finish by then, so
   * it takes in what was appended meanwhile (0 publishes as soon as a batch is claimed).
   * `mine`: this relay's batches in flight or not yet marked; their leases do not block it.
   */
  private async claim(mine: string[]): Promise<EventEnvelope[]> {
    const wait = this.lastPublishAt + this.settings.lingerMs - this.lastClaimMs - performance.now();
    if (wait > 0) await sleep(wait);
    const startedAt = performance.now();
    try {
      return await claimOutboxBatch(this.ctx.db, { limit: this.settings.batchSize, leaseMs: this.settings.leaseMs, inFlightIds: mine });
    } finally {
      this.lastClaimMs = performance.now() - startedAt;
    }
  }

  // ── Loop 3: retention. Deletes published rows past the retention period once a minute, the
  //    first time at start; a failed run is logged and tried again a minute later.
  async runRetention(): Promise<void> {
    while (!this.stopped) {
      try {
        let deleted = 0;
        for (let slice = 0; slice < RETENTION_SLICES_PER_RUN && !this.stopped; slice++) {
          const count = await deletePublishedEvents(this.ctx.db, { olderThanMs: this.settings.retentionMs, limit: RETENTION_SLICE });
          deleted += count;
          if (count < RETENTION_SLICE) break;
        }
        if (deleted) this.log.info({ deleted }, 'deleted published outbox events past retention');
      } catch (error) {
        if (!this.stopped) this.log.warn({ err: error }, 'outbox retention failed; retrying in a minute');
      }
      await sleep(RETENTION_EVERY_MS, undefined, { signal: this.stopping.signal }).catch(() => undefined);
    }
  }

  /** Ends every loop, hands back what this relay still holds, and closes the LISTEN connection. */
  async stop(loops: Promise<void>[]): Promise<void> {
    this.stopped = true;
    this.stopping.abort();
    this.wake();
    await this.listener?.end().catch(() => undefined);
    await Promise.all(loops);
    await releaseOutboxClaim(this.ctx.db, idsOf(this.claimed), 'relay stopped').catch(() => undefined);
    await markOutboxPublished(this.ctx.db, this.published).catch((error) =>
      this.log.warn({ err: error }, 'could not mark the last batch published; it will be republished'),
    );
  }
}

export async function startRelay(ctx: WorkerContext, options: RelayOptions = {}): Promise<RoleHandle> {
  const settings: RelaySettings = {
    batchSize: options.batchSize ?? ctx.config.RELAY_BATCH_SIZE,
    pollMs: options.pollMs ?? ctx.config.RELAY_POLL_MS,
    leaseMs: options.leaseMs ?? ctx.config.RELAY_LEASE_MS,
    retentionMs: options.retentionMs ?? ctx.config.OUTBOX_RETENTION_HOURS * 3_600_000,
    lingerMs: options.lingerMs ?? ctx.config.RELAY_LINGER_MS,
  };
  const bus = options.transport ? undefined : acquireEventBus(ctx);
  const transport = options.transport ?? bus!.transport;
  const log = ctx.logger.child({ component: 'relay', transport: transport.kind });
  const relay = new OutboxRelay(ctx, transport, settings, log);
  const loops = [relay.listenForNotifications(), relay.runPipeline(), relay.runRetention()];
  log.info({ batchSize: settings.batchSize, pollMs: settings.pollMs, leaseMs: settings.leaseMs, lingerMs: settings.lingerMs }, 'relay started');
  return {
    async stop() {
      await relay.stop(loops);
      await bus?.release();
    },
  };
}
