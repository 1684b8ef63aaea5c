// The relay's claim, lease and retention, against a real database.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { appendEvent } from './append-event';
import { appendEvents } from './append-events';
import { claimOutboxBatch } from './claim-outbox-batch';
import { deletePublishedEvents } from './delete-published-events';
import { markOutboxPublished } from './mark-outbox-published';
import { releaseOutboxClaim } from './release-outbox-claim';

describe('claimOutboxBatch', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  const append = (aggregateId: string, count: number) =>
    database.db.$transaction(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        ids.push((await appendEvent(tx, { type: 'payment.failed', aggregateId, payload: { paymentId: aggregateId, reservationId: null, reason: `r${i}` } })).id);
      }
      return ids;
    });

  it('returns events in append order, leases them, and keeps another relay off an aggregate until the lease ends', async () => {
    const a = randomUUID();
    const b = randomUUID();
    const aIds = await append(a, 3);
    const first = await claimOutboxBatch(database.db, { limit: 2, leaseMs: 60_000 });
    expect(first.map((e) => e.id)).toEqual(aIds.slice(0, 2));

    const bIds = await append(b, 2);
    // A second relay: a's third event must wait for a's first two (key order); b is free.
    const second = await claimOutboxBatch(database.db, { limit: 10, leaseMs: 60_000 });
    expect(second.map((e) => e.id)).toEqual(bIds);

    // The first relay failed to publish: releasing the lease makes a's events claimable again, in order.
    await releaseOutboxClaim(database.db, first.map((e) => e.id), 'brokers down');
    expect(await database.db.outboxEvent.findUniqueOrThrow({ where: { id: aIds[0]! } })).toMatchObject({ attempts: 1, lastError: 'brokers down', publishedAt: null });
    await database.db.$executeRaw`UPDATE common.outbox_events SET published_at = now() WHERE id = ANY(${bIds}::uuid[])`;
    const third = await claimOutboxBatch(database.db, { limit: 10, leaseMs: 60_000 });
    expect(third.map((e) => e.id)).toEqual(aIds);
    await markOutboxPublished(database.db, third.map((e) => e.id));
    const row = await database.db.outboxEvent.findUniqueOrThrow({ where: { id: aIds[0]! } });
    expect(row).toMatchObject({ attempts: 2, lastError: null });
    expect(row.publishedAt).not.toBeNull();
  });

  it('lets the relay that publishes a batch claim the same aggregates next, and no other relay', async () => {
    const aggregateId = randomUUID();
    const ids = await append(aggregateId, 4);
    const inFlight = await claimOutboxBatch(database.db, { limit: 2, leaseMs: 60_000 });
    expect(inFlight.map((e) => e.id)).toEqual(ids.slice(0, 2));
    expect((await claimOutboxBatch(database.db, { limit: 10, leaseMs: 60_000 })).filter((e) => e.aggregateId === aggregateId)).toEqual([]);
    const next = await claimOutboxBatch(database.db, { limit: 10, leaseMs: 60_000, inFlightIds: inFlight.map((e) => e.id) });
    expect(next.map((e) => e.id)).toEqual(ids.slice(2));
  });

  it('gives the events of a relay that died to the next claim once its lease expires', async () => {
    const aggregateId = randomUUID();
    const ids = await append(aggregateId, 3);
    const dead = await claimOutboxBatch(database.db, { limit: 10, leaseMs: 300 });
    expect(dead.map((e) => e.id)).toEqual(ids);
    expect(await claimOutboxBatch(database.db, { limit: 10, leaseMs: 60_000 })).toEqual([]);
    await sleep(400);
    const again = await claimOutboxBatch(database.db, { limit: 10, leaseMs: 60_000 });
    expect(again.map((e) => e.id)).toEqual(ids);
  });

  it('marks a published batch so that no claim returns it again, and drops its lease', async () => {
    const aggregateId = randomUUID();
    const ids = await append(aggregateId, 2);
    const claimed = await claimOutboxBatch(database.db, { limit: 10, leaseMs: 60_000 });
    expect(claimed.map((e) => e.id)).toEqual(expect.arrayContaining(ids));
    await markOutboxPublished(database.db, claimed.map((e) => e.id));
    expect(await claimOutboxBatch(database.db, { limit: 10, leaseMs: 60_000 })).toEqual([]);
    const rows = await database.db.outboxEvent.findMany({ where: { id: { in: ids } } });
    expect(rows.every((r) => r.publishedAt !== null && r.attempts === 1)).toBe(true);
    expect(await database.db.outboxLease.count({ where: { eventIds: { hasSome: ids } } })).toBe(0);
  });

  it('claims events appended in one statement in the order they were given', async () => {
    const aggregateId = randomUUID();
    const events = await database.db.$transaction((tx) =>
      appendEvents(
        tx,
        Array.from({ length: 50 }, (_, i) => ({ type: 'payment.failed' as const, aggregateId, payload: { paymentId: aggregateId, reservationId: null, reason: `r${i}` } })),
      ),
    );
    const claimed = await claimOutboxBatch(database.db, { limit: 100, leaseMs: 60_000 });
    expect(claimed.filter((e) => e.aggregateId === aggregateId).map((e) => e.id)).toEqual(events.map((e) => e.id));
  });

  it('deletes published events past retention and nothing else', async () => {
    const aggregateId = randomUUID();
    const [old, recent, unpublished] = await append(aggregateId, 3);
    await database.db.$executeRaw`UPDATE common.outbox_events SET published_at = now() - interval '2 days' WHERE id = ${old}::uuid`;
    await database.db.$executeRaw`UPDATE common.outbox_events SET published_at = now() WHERE id = ${recent}::uuid`;
    await deletePublishedEvents(database.db, { olderThanMs: 24 * 3_600_000 });
    const left = await database.db.outboxEvent.findMany({ where: { aggregateId }, select: { id: true } });
    expect(left.map((r) => r.id).sort()).toEqual([recent, unpublished].sort());
  });
});
