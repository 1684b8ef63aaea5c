// The admin outbox API and the outbox series on /metrics, against a real database.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendEvent } from '../../../lib/events/append-event';
import { recordDeadLetter } from '../../../lib/events/record-dead-letter';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { createTestWorkerContext, internalHeaders } from '../../../test/support/worker-context';
import type { WorkerContext } from '../../runtime/context';
import { buildApi } from '../build-api';

describe('admin outbox API', () => {
  let database: TestDatabase;
  let ctx: WorkerContext;
  let app: ReturnType<typeof buildApi>;
  let adminId: string;
  let admin: Record<string, string>;

  beforeAll(async () => {
    database = await createTestDatabase();
    ctx = createTestWorkerContext({ database, redisUrl: inject('redisUrl') });
    app = buildApi(ctx);
    await app.ready();
    // A real user: the replay's audit row names its actor.
    adminId = (await database.db.user.create({ data: { email: 'outbox-admin@test.dev', role: 'ADMIN' } })).id;
    admin = internalHeaders({ 'x-user-id': adminId, 'x-user-role': 'ADMIN' });
  });
  afterAll(async () => {
    await app.close();
    await ctx.redis.quit();
    await database.drop();
  });

  it('refuses anonymous callers and non-admins', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/admin/outbox', headers: internalHeaders() })).statusCode).toBe(401);
    const user = internalHeaders({ 'x-user-id': randomUUID(), 'x-user-role': 'USER' });
    expect((await app.inject({ method: 'GET', url: '/v1/admin/outbox', headers: user })).statusCode).toBe(403);
    const replay = await app.inject({ method: 'POST', url: `/v1/admin/outbox/dead-letters/${randomUUID()}/replay`, headers: user });
    expect(replay.statusCode).toBe(403);
  });

  it('reports the backlog, its age and dead letters, replays a dead letter once, and exposes the series on /metrics', async () => {
    const aggregateId = randomUUID();
    const event = await database.db.$transaction(async (tx) => {
      await appendEvent(tx, { type: 'payment.failed', aggregateId, payload: { paymentId: aggregateId, reservationId: null, reason: 'first' } });
      return appendEvent(tx, { type: 'payment.failed', aggregateId, payload: { paymentId: aggregateId, reservationId: null, reason: 'second' } });
    });
    const deadLetterId = await recordDeadLetter(database.db, { event, group: 'stats', error: 'Error: boom', attempts: 3, partition: 2, offset: '41' });

    const res = await app.inject({ method: 'GET', url: '/v1/admin/outbox', headers: admin });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ transport: 'in-process', backlog: 2, deadLetters: [{ group: 'stats', waiting: 1 }] });
    expect(body.oldestUnpublishedAgeSeconds).toBeGreaterThanOrEqual(0);
    expect(body.deadLetterList[0]).toMatchObject({ id: deadLetterId, eventId: event.id, error: 'Error: boom', sourcePartition: 2, sourceOffset: '41', replayedAt: null });

    await database.db.$executeRaw`UPDATE common.outbox_events SET published_at = now() WHERE id = ${event.id}::uuid`;
    const replay = await app.inject({ method: 'POST', url: `/v1/admin/outbox/dead-letters/${deadLetterId}/replay`, headers: admin });
    expect(replay.statusCode).toBe(200);
    expect(replay.json()).toMatchObject({ eventId: event.id });
    const reopened = await database.db.outboxEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(reopened.publishedAt).toBeNull(); // back in the backlog: the relay publishes it again
    expect(await database.db.adminAuditLog.findMany({ where: { entityType: 'dead_letter', entityId: deadLetterId }, select: { actorId: true, action: true, requestId: true } })).toEqual([
      { actorId: adminId, action: 'dead_letter.replay', requestId: replay.headers['x-request-id'] },
    ]);
    const again = await app.inject({ method: 'POST', url: `/v1/admin/outbox/dead-letters/${deadLetterId}/replay`, headers: admin });
    expect(again.statusCode).toBe(409);
    const missing = await app.inject({ method: 'POST', url: `/v1/admin/outbox/dead-letters/${randomUUID()}/replay`, headers: admin });
    expect(missing.statusCode).toBe(404);

    const metrics = (await app.inject({ method: 'GET', url: '/metrics' })).body;
    expect(metrics).toMatch(/^outbox_backlog\{[^}]*\} 2$/m);
    expect(metrics).toMatch(/^outbox_oldest_unpublished_age_seconds/m);
    expect(metrics).toContain('# TYPE outbox_relay_published_total counter');
    expect(metrics).toContain('# TYPE outbox_relay_publish_errors_total counter');
    expect(metrics).toContain('# TYPE outbox_consumer_lag gauge');
    expect(metrics).toContain('# TYPE outbox_dead_letters gauge');
  });
});
