import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerformanceFixture, createUsers, type PerformanceFixture } from '../../../test/support/performance-fixture';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../../test/support/test-redis';
import { createTestWorkerContext, internalHeaders } from '../../../test/support/worker-context';
import { resolveEntryTokenKeys } from '../../../lib/entry-token/resolve-entry-token-keys';
import { signEntryToken } from '../../../lib/entry-token/sign-entry-token';
import type { EntryTokenKeys } from '../../../lib/entry-token/entry-token-keys';
import { queueKeys } from '../../../lib/queue/queue-keys';
import type { WorkerContext } from '../../runtime/context';
import { buildApi } from '../build-api';

let database: TestDatabase;
let testRedis: TestRedis;
let app: ReturnType<typeof buildApi>;
let tokens: EntryTokenKeys;
let ctx: WorkerContext;
let fixture: PerformanceFixture;
let alice: string;
let bob: string;
let carol: string;

beforeAll(async () => {
  database = await createTestDatabase();
  testRedis = createTestRedis();
  ctx = createTestWorkerContext({ database, redisUrl: testRedis.url, redis: testRedis.redis });
  tokens = resolveEntryTokenKeys(ctx.config);
  app = buildApi(ctx);
  fixture = await createPerformanceFixture(database.db, { rows: 2, seatsPerRow: 6, gradeOfRow: (r) => (r === 0 ? 'VIP' : 'R') });
  [alice, bob, carol] = (await createUsers(database.db, 3)) as [string, string, string];
});
afterAll(async () => {
  await app.close();
  await testRedis.cleanup();
  await database.drop();
});

const admittedFor = new Map<string, string>();
/** Headers of an admitted user: the gateway's caller headers and an entry token for the fixture's performance. */
async function as(userId: string, extra: Record<string, string> = {}, performanceId = fixture.performanceId) {
  const key = `${userId}/${performanceId}`;
  if (!admittedFor.has(key)) admittedFor.set(key, await signEntryToken(tokens, { userId, performanceId, admittedUntilMs: Date.now() + 600_000 }));
  return internalHeaders({ 'x-user-id': userId, 'x-user-role': 'USER', 'x-entry-token': admittedFor.get(key)!, ...extra });
}

describe('seat hold and reservation API', () => {
  it('holds, reserves with an Idempotency-Key, lists and cancels', async () => {
    const base = `/v1/performances/${fixture.performanceId}`;
    const seats = fixture.ordinals[0]!.slice(0, 2);
    const held = await app.inject({ method: 'POST', url: `${base}/holds`, headers: await as(alice), payload: { seats } });
    expect(held.statusCode).toBe(201);
    expect(held.json().hold.seats).toHaveLength(2);

    const taken = await app.inject({ method: 'POST', url: `${base}/holds`, headers: await as(bob), payload: { seats: [seats[1]] } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'conflict', reason: 'seats_taken', seats: [{ ordinal: seats[1] }] });

    const noKey = await app.inject({ method: 'POST', url: `${base}/reservations`, headers: await as(alice), payload: { seats } });
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().error.field).toBe('idempotency-key');

    const created = await app.inject({ method: 'POST', url: `${base}/reservations`, headers: await as(alice, { 'idempotency-key': 'order-0001' }), payload: { seats } });
    expect(created.statusCode).toBe(201);
    const replay = await app.inject({ method: 'POST', url: `${base}/reservations`, headers: await as(alice, { 'idempotency-key': 'order-0001' }), payload: { seats } });
    expect(replay.statusCode).toBe(200);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().reservation.id).toBe(created.json().reservation.id);

    const mine = await app.inject({ method: 'GET', url: '/v1/reservations', headers: await as(alice) });
    expect(mine.json().reservations.map((r: { id: string }) => r.id)).toEqual([created.json().reservation.id]);
    const theirs = await app.inject({ method: 'GET', url: '/v1/reservations', headers: await as(bob) });
    expect(theirs.json().reservations).toEqual([]);

    const id = created.json().reservation.id;
    expect((await app.inject({ method: 'POST', url: `/v1/reservations/${id}/cancel`, headers: await as(bob) })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/v1/reservations/${id}/cancel`, headers: await as(alice) })).statusCode).toBe(204);
    const again = await app.inject({ method: 'POST', url: `${base}/holds`, headers: await as(bob), payload: { seats } });
    expect(again.statusCode).toBe(201);
  });

  it('answers best-available with adjacent seats, and bad input with a 400 naming the field', async () => {
    const base = `/v1/performances/${fixture.performanceId}`;
    const best = await app.inject({ method: 'POST', url: `${base}/holds/best-available`, headers: await as(alice), payload: { grade: 'R', count: 2 } });
    expect(best.statusCode).toBe(201);
    expect(best.json().hold.seats.map((s: { label: string }) => s.label)).toEqual(['A 2열 3번', 'A 2열 4번']);

    const bad = await app.inject({ method: 'POST', url: `${base}/holds/best-available`, headers: await as(alice), payload: { grade: 'R', count: 0 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('count');
    const anonymous = await app.inject({ method: 'POST', url: `${base}/holds`, headers: internalHeaders(), payload: { seats: [] } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('refuses every hold and reservation route without an entry token for this performance', async () => {
    const base = `/v1/performances/${fixture.performanceId}`;
    const other = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 2 });
    const noToken = internalHeaders({ 'x-user-id': alice, 'x-user-role': 'USER' });
    for (const [method, url] of [['GET', `${base}/holds`], ['POST', `${base}/holds`], ['POST', `${base}/holds/best-available`], ['DELETE', `${base}/holds`], ['POST', `${base}/reservations`]] as const) {
      const refused = await app.inject({ method, url, headers: noToken, payload: {} });
      expect(refused.statusCode, `${method} ${url}`).toBe(403);
      expect(refused.json().error.reason).toBe('entry_token_missing');
    }
    const elsewhere = await app.inject({ method: 'POST', url: `${base}/holds`, headers: await as(alice, {}, other.performanceId), payload: { seats: [0] } });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.reason).toBe('entry_token_wrong_performance');
    const bobsToken = ((await as(bob)) as Record<string, string>)['x-entry-token']!;
    const borrowed = await app.inject({ method: 'POST', url: `${base}/holds`, headers: { ...(await as(alice)), 'x-entry-token': bobsToken }, payload: { seats: [0] } });
    expect(borrowed.json().error.reason).toBe('entry_token_wrong_user');
  });

  it('refuses holds, manual and best-available, and reservations once the admission is revoked, and counts an accepted hold as the heartbeat', async () => {
    const base = `/v1/performances/${fixture.performanceId}`;
    const waitingRoom = queueKeys(fixture.performanceId);
    const [free, next] = [fixture.ordinals[0]![5]!, fixture.ordinals[0]![4]!];
    const headers = await as(carol);
    await testRedis.redis.zadd(waitingRoom.activeSeen, 1, carol);
    const held = await app.inject({ method: 'POST', url: `${base}/holds`, headers, payload: { seats: [free] } });
    expect(held.statusCode).toBe(201);
    expect(Number(await testRedis.redis.zscore(waitingRoom.activeSeen, carol))).toBeGreaterThan(Date.now() - 60_000);

    const token = (headers as Record<string, string>)['x-entry-token']!;
    const jti = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()).jti as string;
    await testRedis.redis.sadd(waitingRoom.revoked, jti);
    for (const [url, payload] of [[`${base}/holds`, { seats: [next] }], [`${base}/holds/best-available`, { grade: 'R', count: 1 }]] as const) {
      const refused = await app.inject({ method: 'POST', url, headers, payload });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error.reason).toBe('entry_token_revoked');
    }
    // Seats held before the revocation cannot be reserved after it.
    const reserve = await app.inject({ method: 'POST', url: `${base}/reservations`, headers: { ...headers, 'idempotency-key': randomUUID() }, payload: { seats: [free] } });
    expect(reserve.statusCode).toBe(403);
    expect(reserve.json().error.reason).toBe('entry_token_revoked');
    expect(await ctx.db.reservation.count({ where: { userId: carol } })).toBe(0);
    expect((await app.inject({ method: 'GET', url: `${base}/holds`, headers })).json().error.reason).toBe('entry_token_revoked');
    // The refused hold held nothing: the seat is still free for the next fan.
    expect((await app.inject({ method: 'POST', url: `${base}/holds`, headers: await as(bob), payload: { seats: [next] } })).statusCode).toBe(201);
    const counted = await ctx.metrics.getSingleMetricAsString('entry_token_rejections_total');
    expect(counted).toMatch(/reason="revoked"[^}]*} 4/);
  });
});
