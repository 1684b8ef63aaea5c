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
};

const RETENTION_EVERY_MS = 60_000;

export async function startRelay(ctx: WorkerContext, options: RelayOptions = {}): Promise<RoleHandle> {
  const batchSize = options.batchSize ?? ctx.config.RELAY_BATCH_SIZE;
  const pollMs = options.pollMs ?? ctx.config.RELAY_POLL_MS;
  const leaseMs = options.leaseMs ?? ctx.config.RELAY_LEASE_MS;
  const retentionMs = options.retentionMs ?? ctx.config.OUTBOX_RETENTION_HOURS * 3_600_000;
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

  async function publishOnce(): Promise<number> {
    const events = await claimOutboxBatch(ctx.db, { limit: batchSize, leaseMs });
    if (events.length === 0) return 0;
    const ids = events.map((e) => e.id);
    try {
      await transport.publish(events);
    } catch (error) {
      metrics.publishErrors.inc();
      await releaseOutboxClaim(ctx.db, ids, error instanceof Error ? error.message : String(error)).catch(() => undefined);
      throw error;
    }
    await markOutboxPublished(ctx.db, ids);
    for (const event of events) metrics.published.inc({ topic: event.topic });
    return events.length;
  }

  let lastRetention = 0;
  async function run() {
    let failures = 0;
    while (!stopped) {
      try {
        if (Date.now() - lastRetention > RETENTION_EVERY_MS) {
          lastRetention = Date.now();
          const deleted = await deletePublishedEvents(ctx.db, { olderThanMs: retentionMs });
          if (deleted) log.info({ deleted }, 'deleted published outbox events past retention');
        }
        wakeRequested = false;
        const published = await publishOnce();
        failures = 0;
        if (published > 0) continue; // drain the backlog without waiting
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
  log.info({ batchSize, pollMs, leaseMs }, 'relay started');

  return {
    async stop() {
      stopped = true;
      wake();
      await running;
      await listener?.end().catch(() => undefined);
      await listening;
      await bus?.release();
    },
  };
}
