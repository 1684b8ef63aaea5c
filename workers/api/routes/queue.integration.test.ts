import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../lib/db/create-prisma';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../../test/support/test-redis';
import { createTestWorkerContext, internalHeaders } from '../../../test/support/worker-context';
import type { WorkerContext } from '../../runtime/context';
import { createAdmissionTicker } from '../../roles/admission';
import { buildApi } from '../build-api';
import { createEntryTokenGuard } from '../entry-token-guard';

let database: TestDatabase;
let t: TestRedis;
let ctx: WorkerContext;
let clock = Date.parse('2026-12-01T11:00:00Z');
const now = () => clock;

beforeAll(async () => {
  database = await createTestDatabase();
  t = createTestRedis();
});
// A fresh context (and metrics registry) per test: buildApi registers its metrics once per registry.
beforeEach(() => {
  ctx = createTestWorkerContext({ database, redisUrl: t.url, redis: t.redis });
});
afterAll(async () => {
  await t.cleanup();
  await database.drop();
});

async function createPerformance(db: Db, opensAt: Date) {
  const tag = randomUUID().slice(0, 8);
  const venue = await db.venue.create({ data: { slug: `v-${tag}`, name: 'Hall', city: 'Seoul', address: '1' } });
  const hall = await db.hall.create({ data: { venueId: venue.id, name: 'Main' } });
  const event = await db.event.create({ data: { slug: `e-${tag}`, title: `Concert ${tag}`, status: 'PUBLISHED' } });
  return db.performance.create({
    data: {
      eventId: event.id,
      hallId: hall.id,
      status: 'PUBLISHED',
      startsAt: new Date(opensAt.getTime() + 30 * 86_400_000),
      generalSaleOpensAt: opensAt,
      generalSaleClosesAt: new Date(opensAt.getTime() + 20 * 86_400_000),
    },
  });
}

const as = (userId: string, role: 'USER' | 'ADMIN' = 'USER') => internalHeaders({ 'x-user-id': userId, 'x-user-role': role });

describe('worker API: waiting room', () => {
  it('two fans join, the second is at position 2, the first is admitted with a stable entry token, then the second', async () => {
    const performance = await createPerformance(database.db, new Date(clock - 60_000));
    await database.db.waitingRoomSettings.create({ data: { performanceId: performance.id, mode: 'ON', admitPerMinute: 60, maxActive: 1 } });
    const app = buildApi(ctx, { now });
    const tick = createAdmissionTicker(ctx, now);
    try {
      const first = await app.inject({ method: 'POST', url: `/v1/queue/${performance.id}/join`, headers: as('fan-1') });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ seq: 1, status: { state: 'waiting', position: 1, ahead: 0 } });
      expect(first.json().ticket).toMatch(/^ey/);
      clock += 10;
      const second = await app.inject({ method: 'POST', url: `/v1/queue/${performance.id}/join`, headers: as('fan-2') });
      expect(second.json().status).toMatchObject({ state: 'waiting', position: 2, ahead: 1 });

      clock += 1_000;
      await tick();
      clock += 1_000;
      await tick();
      const admitted = await app.inject({ method: 'GET', url: `/v1/queue/${performance.id}/status`, headers: as('fan-1') });
      expect(admitted.json()).toMatchObject({ state: 'admitted' });
      const again = await app.inject({ method: 'GET', url: `/v1/queue/${performance.id}/status`, headers: as('fan-1') });
      expect(again.json().entryToken).toBe(admitted.json().entryToken);
      const waiting = await app.inject({ method: 'GET', url: `/v1/queue/${performance.id}/status`, headers: as('fan-2') });
      expect(waiting.json()).toMatchObject({ state: 'waiting', position: 1, ahead: 0 });

      // Capacity 1: fan-2 follows once fan-1 gives the slot back.
      await app.inject({ method: 'POST', url: `/v1/queue/${performance.id}/leave`, headers: as('fan-1') });
      clock += 1_000;
      await tick();
      const followed = await app.inject({ method: 'GET', url: `/v1/queue/${performance.id}/status`, headers: as('fan-2') });
      expect(followed.json()).toMatchObject({ state: 'admitted' });

      // The admission role sampled the room for the admin chart.
      expect(await database.db.queueSample.count({ where: { performanceId: performance.id } })).toBeGreaterThan(0);
      expect(await ctx.metrics.getSingleMetricAsString('queue_admitted_total')).toMatch(new RegExp(`performance="${performance.id}"[^}]*} 2`));
    } finally {
      await app.close();
    }
  });

  it('refuses seat routes without a valid entry token, each reason distinct, logged and counted', async () => {
    const performance = await createPerformance(database.db, new Date(clock - 60_000));
    const other = await createPerformance(database.db, new Date(clock - 60_000));
    for (const p of [performance, other]) {
      await database.db.waitingRoomSettings.create({ data: { performanceId: p.id, mode: 'ON', admitPerMinute: 600, maxActive: 10, activeSessionSeconds: 300 } });
    }
    const app = buildApi(ctx, { now });
    app.register(async (v1) => {
      v1.addHook('preHandler', createEntryTokenGuard(ctx, (request) => (request.params as { performanceId: string }).performanceId, now));
      v1.get('/v1/test/performances/:performanceId/seats', async () => ({ seats: 'visible' }));
    });
    const tick = createAdmissionTicker(ctx, now);
    try {
      for (const [user, p] of [['holder', performance], ['holder', other], ['stranger', performance]] as const) {
        await app.inject({ method: 'POST', url: `/v1/queue/${p.id}/join`, headers: as(user) });
      }
      clock += 1_000;
      await tick();
      clock += 1_000;
      await tick();
      const token = (await app.inject({ method: 'GET', url: `/v1/queue/${performance.id}/status`, headers: as('holder') })).json().entryToken as string;
      const strangerToken = (await app.inject({ method: 'GET', url: `/v1/queue/${performance.id}/status`, headers: as('stranger') })).json().entryToken as string;
      expect(token).toMatch(/^ey/);

      const seats = (p: string, user: string, entry?: string) =>
        app.inject({ method: 'GET', url: `/v1/test/performances/${p}/seats`, headers: { ...as(user), ...(entry ? { 'x-entry-token': entry } : {}) } });
      const reason = async (p: string, user: string, entry?: string) => {
        const response = await seats(p, user, entry);
        expect(response.statusCode).toBe(403);
        return response.json().error.reason as string;
      };

      expect((await seats(performance.id, 'holder', token)).json()).toEqual({ seats: 'visible' });
      expect(await reason(performance.id, 'holder')).toBe('entry_token_missing');
      const [h, p, s] = token.split('.');
      const flipped = `${s!.slice(0, -2)}${s!.endsWith('AA') ? 'BB' : 'AA'}`;
      expect(await reason(performance.id, 'holder', `${h}.${p}.${flipped}`)).toBe('entry_token_bad_signature');
      const forged = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256', kid: 'dev1', typ: 'openseat-entry+jwt' })
        .setSubject('holder')
        .setAudience(performance.id)
        .setExpirationTime(Math.floor(clock / 1000) + 600)
        .setJti('forged')
        .sign(new TextEncoder().encode('an-attacker-guessed-this-key-0123456789'));
      expect(await reason(performance.id, 'holder', forged)).toBe('entry_token_bad_signature');
      expect(await reason(performance.id, 'holder', strangerToken)).toBe('entry_token_wrong_user');
      expect(await reason(other.id, 'holder', token)).toBe('entry_token_wrong_performance');

      // The admin revokes the stranger's admission: the token is refused though still unexpired.
      const revoke = await app.inject({ method: 'POST', url: `/v1/admin/waiting-room/${performance.id}/revoke`, headers: as('boss', 'ADMIN'), payload: { userId: 'stranger' } });
      expect(revoke.json()).toEqual({ revoked: true });
      expect(await database.db.waitingRoomAudit.findFirst({ where: { performanceId: performance.id, action: 'revoke' }, select: { actorId: true, after: true } })).toEqual({
        actorId: null, // 'boss' is no user id
        after: { userId: 'stranger', revoked: true },
      });
      expect(await database.db.adminAuditLog.findMany({ where: { entityType: 'performance', entityId: performance.id }, select: { action: true, after: true, requestId: true } })).toEqual([
        { action: 'waiting_room.revoke', after: { userId: 'stranger', revoked: true }, requestId: revoke.headers['x-request-id'] },
      ]);
      expect(await reason(performance.id, 'stranger', strangerToken)).toBe('entry_token_revoked');

      clock += 301_000;
      expect(await reason(performance.id, 'holder', token)).toBe('entry_token_expired');

      const counted = await ctx.metrics.getSingleMetricAsString('entry_token_rejections_total');
      for (const r of ['missing', 'bad_signature', 'wrong_user', 'wrong_performance', 'revoked', 'expired']) expect(counted).toContain(`reason="${r}"`);
    } finally {
      await app.close();
    }
  });

  it('lets the admin change rate and capacity live, pause and resume, each change audited', async () => {
    const performance = await createPerformance(database.db, new Date(clock - 60_000));
    await database.db.waitingRoomSettings.create({ data: { performanceId: performance.id, mode: 'ON', admitPerMinute: 60, maxActive: 100 } });
    const app = buildApi(ctx, { now });
    const tick = createAdmissionTicker(ctx, now);
    try {
      for (let i = 0; i < 50; i++) await app.inject({ method: 'POST', url: `/v1/queue/${performance.id}/join`, headers: as(`w${i}`) });
      const user = await app.inject({ method: 'PATCH', url: `/v1/admin/waiting-room/${performance.id}`, headers: as('fan'), payload: { paused: true } });
      expect(user.statusCode).toBe(403);

      const paused = await app.inject({ method: 'PATCH', url: `/v1/admin/waiting-room/${performance.id}`, headers: as('boss', 'ADMIN'), payload: { paused: true } });
      expect(paused.json().settings).toMatchObject({ paused: true });
      for (let i = 0; i < 3; i++) {
        clock += 1_000;
        await tick();
      }
      const overview = async () => (await app.inject({ method: 'GET', url: `/v1/admin/waiting-room/${performance.id}`, headers: as('boss', 'ADMIN') })).json();
      expect((await overview()).live).toMatchObject({ waiting: 50, active: 0 });

      await app.inject({ method: 'PATCH', url: `/v1/admin/waiting-room/${performance.id}`, headers: as('boss', 'ADMIN'), payload: { paused: false, admitPerMinute: 600, maxActive: 5 } });
      for (let i = 0; i < 3; i++) {
        clock += 1_000;
        await tick();
      }
      expect((await overview()).live).toMatchObject({ waiting: 45, active: 5 });
      const audits = await database.db.waitingRoomAudit.findMany({ where: { performanceId: performance.id }, orderBy: { createdAt: 'asc' } });
      expect(audits.map((a) => a.action)).toEqual(['pause', 'resume']);
      expect(audits[1]!.before).toMatchObject({ paused: true, admitPerMinute: 60, maxActive: 100 });
      expect(audits[1]!.after).toMatchObject({ paused: false, admitPerMinute: 600, maxActive: 5 });
      // The same changes in the admin audit log, where every admin action is browsed.
      const logged = await database.db.adminAuditLog.findMany({ where: { entityType: 'performance', entityId: performance.id }, orderBy: { id: 'asc' } });
      expect(logged.map((a) => [a.action, a.before, a.after])).toEqual(audits.map((a) => [`waiting_room.${a.action}`, a.before, a.after]));
      const bad = await app.inject({ method: 'PATCH', url: `/v1/admin/waiting-room/${performance.id}`, headers: as('boss', 'ADMIN'), payload: { admitPerMinute: -1 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().error.field).toBe('admitPerMinute');
    } finally {
      await app.close();
    }
  });
});
