// The notices API: my own notices only, marked read by id or all at once.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { notifyUser } from '../../../lib/notifications/notify-user';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { createTestWorkerContext, internalHeaders } from '../../../test/support/worker-context';
import type { WorkerContext } from '../../runtime/context';
import { buildApi } from '../build-api';

describe('notifications API', () => {
  let database: TestDatabase;
  let ctx: WorkerContext;
  let app: ReturnType<typeof buildApi>;
  const readAt = Date.parse('2030-01-02T03:04:05Z');

  beforeAll(async () => {
    database = await createTestDatabase();
    ctx = createTestWorkerContext({ database, redisUrl: inject('redisUrl') });
    app = buildApi(ctx, { now: () => readAt });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await ctx.redis.quit();
    await database.drop();
  });

  async function userWithNotice() {
    const user = await database.db.user.create({ data: { email: `n-${randomUUID()}@example.com` } });
    const { notificationId } = await notifyUser(
      { db: database.db, now: new Date('2030-01-01T00:00:00Z') },
      {
        userId: user.id,
        kind: 'refund.completed',
        subjectId: randomUUID(),
        data: { eventTitle: '연극 〈햄릿〉', seats: [{ section: 'R석', row: '3', number: 5 }], refundAmount: 45_000, cancellationFee: 5_000, initiator: 'FAN', note: '' },
      },
    );
    return { headers: internalHeaders({ 'x-user-id': user.id, 'x-user-role': 'USER' }), notificationId };
  }

  it('lists only my notices and marks only mine read', async () => {
    const me = await userWithNotice();
    const other = await userWithNotice();
    const list = await app.inject({ method: 'GET', url: '/v1/notifications', headers: me.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({
      unread: 1,
      notifications: [expect.objectContaining({ id: me.notificationId, kind: 'refund.completed', title: '환불되었습니다: 연극 〈햄릿〉', readAt: null })],
    });
    const english = await app.inject({ method: 'GET', url: '/v1/notifications?locale=en', headers: me.headers });
    expect(english.json().notifications[0]).toMatchObject({ title: 'Refunded: 연극 〈햄릿〉', body: '1 seat · ₩45,000 refunded' });
    const foreign = await app.inject({ method: 'POST', url: '/v1/notifications/read', headers: me.headers, payload: { ids: [other.notificationId] } });
    expect(foreign.json()).toEqual({ marked: 0 });
    const all = await app.inject({ method: 'POST', url: '/v1/notifications/read', headers: me.headers, payload: { all: true } });
    expect(all.json()).toEqual({ marked: 1 });
    const after = (await app.inject({ method: 'GET', url: '/v1/notifications', headers: me.headers })).json();
    expect([after.unread, after.notifications[0].readAt]).toEqual([0, new Date(readAt).toISOString()]);
    expect((await app.inject({ method: 'GET', url: '/v1/notifications', headers: other.headers })).json().unread).toBe(1);
  });

  it('refuses a body that names neither ids nor all, and anonymous callers', async () => {
    const me = await userWithNotice();
    const bad = await app.inject({ method: 'POST', url: '/v1/notifications/read', headers: me.headers, payload: { ids: ['not-a-uuid'] } });
    expect(bad.statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/v1/notifications', headers: internalHeaders() })).statusCode).toBe(401);
  });
});
