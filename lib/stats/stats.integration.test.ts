// The stats read side against a scripted sale made through the real code: waiting-room joins and
// admissions, holds, reservations, checkouts paid (and one declined) at the PortOne stand-in, a
// partial refund, an expiry, and — appended as their own features will append them — a transfer,
// a check-in and a membership. The relay, reservations and stats roles run in-process, as `all`
// runs them. The figures must equal what the write side's own tables say.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerformanceFixture, createUsers, type PerformanceFixture } from '../../test/support/performance-fixture';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { startTestPortOne, type TestPortOne } from '../../test/support/test-portone';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { createTestWorkerContext, internalHeaders } from '../../test/support/worker-context';
import { buildApi } from '../../workers/api/build-api';
import type { RoleHandle, WorkerContext } from '../../workers/runtime/context';
import { createInProcessTransport } from '../events/transport/create-in-process-transport';
import { startConsumer } from '../../workers/runtime/start-consumer';
import { relayRole } from '../../workers/roles/relay';
import { reservationsRole } from '../../workers/roles/reservations';
import { statsRole } from '../../workers/roles/stats';
import { appendEvent } from '../events/append-event';
import type { EventEnvelope } from '../events/catalog';
import { holdSeats } from '../holds/hold-seats';
import { getZonedParts } from '../i18n/get-zoned-parts';
import { completePayment } from '../payments/complete-payment';
import { createCheckout } from '../payments/create-checkout';
import type { PaymentDeps } from '../payments/payment-deps';
import { createPortOneClient } from '../payments/portone-client';
import { admitNext } from '../queue/admit-next';
import { joinQueue } from '../queue/join-queue';
import { syncRoomSettings } from '../queue/sync-room-settings';
import { cancelPaidBooking } from '../refunds/cancel-paid-booking';
import { createReservation } from '../reservations/create-reservation';
import { expireOverdueReservations } from '../reservations/expire-overdue-reservations';
import { STATS_EVENT_TYPES } from './apply-stats-event';
import type { DashboardStats } from './get-dashboard-stats';
import { rebuildStats } from './rebuild-stats';
import { recordStatsEvent } from './record-stats-event';

let database: TestDatabase;
let testRedis: TestRedis;
let portone: TestPortOne;
let ctx: WorkerContext;
let api: FastifyInstance;
let roles: RoleHandle[];
let fixture: PerformanceFixture;
let admin: string;
let fan: string;

const VIP = 150_000;
const R = 90_000;
const FEE = 2_000;

function paymentDeps(): PaymentDeps {
  return {
    db: database.db,
    redis: testRedis.redis,
    portone: createPortOneClient({ apiUrl: portone.url, apiSecret: portone.apiSecret, storeId: portone.storeId }),
    config: {
      portone: { apiUrl: portone.url, apiSecret: portone.apiSecret, storeId: portone.storeId },
      channelKey: 'channel-key-test',
      webhookSecrets: [portone.webhookSecret],
      checkoutUrl: `${portone.url}/checkout`,
      manualConfirm: false,
      pendingMinutes: 3,
      webhookRetrySeconds: 30,
      virtualAccount: { maxHours: 24, cutoffHoursBeforeShow: 24 },
    },
    notify: async () => undefined,
  };
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const value = await read();
    if (done(value)) return value;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** Every event the stats role consumes, in the outbox, is in its log (and so applied). */
async function statsCaughtUp() {
  const count = (sql: Promise<{ n: bigint }[]>) => sql.then(([row]) => Number(row!.n));
  await waitFor(
    async () => [
      await count(database.db.$queryRaw`SELECT count(*) AS n FROM common.outbox_events WHERE type = ANY(${STATS_EVENT_TYPES}::text[])`),
      await count(database.db.$queryRaw`SELECT count(*) AS n FROM stats.event_log`),
    ],
    ([outbox, logged]) => outbox === logged,
    'the stats role to catch up',
  );
}

/** Every stats table, rows in key order, as plain values: what "identical tables" compares. */
async function snapshot() {
  const tables = ['performance_stats', 'daily_sales', 'hourly_sales', 'grade_occupancy', 'payment_failures', 'membership_daily', 'reservations', 'payments'];
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    out[table] = JSON.parse(
      JSON.stringify(await database.db.$queryRawUnsafe(`SELECT * FROM stats.${table} ORDER BY 1, 2`), (_, v) => (typeof v === 'bigint' ? v.toString() : v)),
    );
  }
  return out;
}

/** A fan holds seats, reserves them and pays (or is declined) at the stand-in. */
async function buy(userId: string, ordinals: number[], outcome: 'paid' | 'declined' | 'unpaid') {
  const holdDeps = { db: database.db, redis: testRedis.redis, holdSeconds: 600 };
  await holdSeats(holdDeps, fixture.performanceId, userId, { seats: ordinals });
  const { reservation } = await createReservation(holdDeps, userId, randomUUID(), { performanceId: fixture.performanceId, seats: ordinals });
  if (outcome === 'unpaid') return reservation.id;
  const checkout = await createCheckout(paymentDeps(), { reservationId: reservation.id, userId });
  const { orderName, totalAmount, currency, customData } = checkout.request;
  portone.control.pay(checkout.paymentId, { method: 'card', outcome, request: { orderName, totalAmount, currency, customData } });
  const result = await completePayment(paymentDeps(), { userId, paymentId: checkout.paymentId });
  expect(result.outcome).toBe(outcome === 'paid' ? 'paid' : 'failed');
  return reservation.id;
}

async function dashboard(role: 'ADMIN' | 'USER', query: Record<string, string>) {
  return api.inject({ method: 'GET', url: '/v1/admin/stats', query, headers: internalHeaders({ 'x-user-id': role === 'ADMIN' ? admin : fan, 'x-user-role': role }) });
}

beforeAll(async () => {
  database = await createTestDatabase();
  testRedis = createTestRedis();
  portone = await startTestPortOne();
  ctx = createTestWorkerContext({ database, redisUrl: testRedis.url, redis: testRedis.redis });
  api = buildApi(ctx);
  roles = [await relayRole(ctx), await reservationsRole(ctx), await statsRole(ctx)];
  fixture = await createPerformanceFixture(database.db, { rows: 2, seatsPerRow: 4, gradeOfRow: (row) => (row === 0 ? 'VIP' : 'R'), prices: { VIP, R } });
  await database.db.event.update({ where: { id: fixture.eventId }, data: { bookingFeeKrw: FEE } });
  [admin, fan] = (await createUsers(database.db, 2)) as [string, string];
  await database.db.user.update({ where: { id: admin }, data: { role: 'ADMIN' } });
}, 60_000);

afterAll(async () => {
  for (const role of roles ?? []) await role.stop();
  await api?.close();
  await portone?.stop();
  await testRedis?.cleanup();
  await database?.drop();
});

describe('stats read side', () => {
  let buyers: string[];
  let paidReservation: string;
  const today = () => {
    const p = getZonedParts(new Date(), 'Asia/Seoul');
    return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
  };
  const range = () => {
    const day = Date.parse(today());
    const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    return { from: iso(day - 86_400_000), to: iso(day + 86_400_000) };
  };

  it('a scripted sale yields exactly the figures of the write side', async () => {
    buyers = await createUsers(database.db, 5);
    // The waiting room: five fans join an open room and the admission tick lets them in.
    const nowMs = Date.now();
    await syncRoomSettings(testRedis.redis, {
      performanceId: fixture.performanceId,
      mode: 'ON',
      paused: false,
      admitPerMinute: 600,
      maxActive: 1_000,
      activeSessionSeconds: 600,
      idleTimeoutSeconds: 3_600,
      preQueueMinutes: 0,
      opensAt: new Date(nowMs - 60_000),
    });
    await database.db.waitingRoomSettings.create({ data: { performanceId: fixture.performanceId, mode: 'ON' } });
    for (const [i, userId] of buyers.entries()) await joinQueue({ redis: testRedis.redis, db: database.db, now: () => nowMs + i }, { performanceId: fixture.performanceId, userId });
    // The token bucket fills as its clock moves: tick a simulated second at a time until all are in.
    let admitted = 0;
    for (let tick = 1; admitted < buyers.length && tick <= 10; tick++) admitted += (await admitNext(testRedis.redis, { performanceId: fixture.performanceId, nowMs: nowMs + tick * 1_000 })).admitted;
    expect(admitted).toBe(5);

    const [a, b, c, d] = buyers as [string, string, string, string];
    const vip = fixture.ordinals[0]!;
    const r = fixture.ordinals[1]!;
    paidReservation = await buy(a, [vip[0]!, vip[1]!], 'paid');
    await buy(b, [r[0]!, r[1]!], 'paid');
    await buy(c, [r[2]!], 'declined');
    await buy(d, [r[3]!], 'unpaid');
    // Both confirmed by the reservations role from payment.settled.
    await waitFor(() => database.db.reservation.count({ where: { performanceId: fixture.performanceId, status: 'CONFIRMED' } }), (n) => n === 2, 'confirmations');
    // The declined and the unpaid reservations run out.
    expect(await expireOverdueReservations({ db: database.db, redis: testRedis.redis }, new Date(Date.now() + 3_600_000))).toBe(2);
    // The first buyer gives one of their two VIP seats back.
    const refunded = await cancelPaidBooking(
      { db: database.db, redis: testRedis.redis, portOne: paymentDeps().portone },
      { userId: a, reservationId: paidReservation, seatIds: [fixture.seatIds[0]![1]!] },
      new Date(),
    );
    expect(refunded.status).toBe('SUCCEEDED');
    // A transfer, a check-in and a membership, as their features append them.
    const ticketId = randomUUID();
    await database.db.$transaction(async (tx) => {
      const at = new Date().toISOString();
      await appendEvent(tx, {
        type: 'transfer.completed',
        aggregateId: randomUUID(),
        payload: { transferId: randomUUID(), ticketId, performanceId: fixture.performanceId, fromUserId: b, toUserId: c, completedAt: at },
      });
      await appendEvent(tx, {
        type: 'ticket.checked_in',
        aggregateId: ticketId,
        payload: { ticketId, performanceId: fixture.performanceId, grade: 'R', gate: 'A', deviceId: 'scanner-1', offline: false, checkedInAt: at },
      });
      await appendEvent(tx, {
        type: 'membership.activated',
        aggregateId: randomUUID(),
        payload: { membershipId: randomUUID(), userId: d, artistId: fixture.artistId, planId: randomUUID(), expiresAt: at },
      });
    });
    await statsCaughtUp();

    const payments = await database.db.payment.findMany({ where: { reservation: { performanceId: fixture.performanceId } } });
    const paid = payments.filter((p) => p.paidAt !== null);
    const failed = payments.filter((p) => p.status === 'FAILED');
    const refund = await database.db.refund.findFirstOrThrow({ where: { reservationId: paidReservation } });
    expect(paid).toHaveLength(2);
    expect(failed).toHaveLength(1);
    const expected = {
      reservationsCreated: 4,
      reservationsExpired: 2,
      reservationsCancelled: 0,
      seatsReserved: 6,
      seatsSold: 4,
      seatsRefunded: 1,
      salesKrw: BigInt(2 * VIP + 2 * R + 4 * FEE),
      bookingFeeKrw: BigInt(4 * FEE),
      refundedKrw: BigInt(refund.amountKrw),
      refundFeeKrw: BigInt(refund.feeKrw),
      bookingFeeRefundedKrw: BigInt(refund.bookingFeeRefundKrw),
      paymentsSettled: 2,
      paymentsFailed: 1,
      refunds: 1,
      transfers: 1,
      checkIns: 1,
    };
    expect(paid.reduce((sum, p) => sum + p.amountKrw, 0)).toBe(Number(expected.salesKrw));
    expect(await database.db.performanceStats.findUniqueOrThrow({ where: { performanceId: fixture.performanceId } })).toMatchObject(expected);
    // Days and hours add up to the total.
    for (const rows of [
      await database.db.dailySales.findMany({ where: { performanceId: fixture.performanceId } }),
      await database.db.hourlySales.findMany({ where: { performanceId: fixture.performanceId } }),
    ]) {
      const summed = Object.fromEntries(
        Object.keys(expected).map((key) => [key, rows.reduce((sum, row) => sum + BigInt(row[key as keyof typeof expected] as number | bigint), 0n)]),
      );
      expect(summed).toEqual(Object.fromEntries(Object.entries(expected).map(([k, v]) => [k, BigInt(v)])));
    }
    expect(await database.db.gradeOccupancy.findMany({ where: { performanceId: fixture.performanceId }, orderBy: { grade: 'asc' }, select: { grade: true, seatsSold: true } })).toEqual([
      { grade: 'R', seatsSold: 2 },
      { grade: 'VIP', seatsSold: 1 },
    ]);
    expect(await database.db.paymentFailureCount.findMany({ where: { performanceId: fixture.performanceId }, select: { reason: true, failures: true } })).toEqual([
      { reason: failed[0]!.failureReason, failures: 1 },
    ]);
    expect(await database.db.membershipDaily.findMany({ where: { artistId: fixture.artistId }, select: { newMemberships: true } })).toEqual([{ newMemberships: 1 }]);

    // The admin API reads the same figures, and the waiting room's counters from Redis.
    const response = await dashboard('ADMIN', { ...range(), eventId: fixture.eventId });
    expect(response.statusCode).toBe(200);
    const stats = response.json() as DashboardStats;
    expect(stats.totals).toMatchObject({ seatsSold: 4, netSeatsSold: 3, salesKrw: Number(expected.salesKrw), netRevenueKrw: Number(expected.salesKrw) - refund.amountKrw, paymentSuccessRate: 2 / 3, newMemberships: 1 });
    expect(stats.funnel).toEqual({ joined: 5, admitted: 5, held: 6, reserved: 6, paid: 4, checkedIn: 1 });
    expect(stats.occupancy).toEqual([
      { grade: 'R', sold: 2, capacity: 4 },
      { grade: 'VIP', sold: 1, capacity: 4 },
    ]);
    expect(stats.failures).toEqual([{ reason: failed[0]!.failureReason, count: 1 }]);
    expect(stats.topEvents[0]).toMatchObject({ eventId: fixture.eventId, seatsSold: 3 });
    expect(stats.series.reduce((sum, point) => sum + point.seatsSold, 0)).toBe(3);
  });

  it('replaying the same events changes nothing', async () => {
    const before = await snapshot();
    const events = (
      await database.db.outboxEvent.findMany({ where: { type: { in: STATS_EVENT_TYPES } }, orderBy: { id: 'asc' } })
    ).map((row) => ({ id: row.id, type: row.type, topic: row.topic, aggregateType: row.aggregateType, aggregateId: row.aggregateId, occurredAt: row.occurredAt.toISOString(), payload: row.payload }) as EventEnvelope);
    // Delivered again to the stats consumer group, as Kafka does after a consumer restart.
    const transport = createInProcessTransport();
    const consumer = await startConsumer(ctx, { group: 'stats', handlers: Object.fromEntries(STATS_EVENT_TYPES.map((type) => [type, (event: EventEnvelope, tx: Parameters<typeof recordStatsEvent>[0]) => recordStatsEvent(tx, event)])), transport });
    await transport.publish(events);
    await consumer.stop();
    await transport.close();
    // And straight into the effect, past processed_events: the log refuses a second application.
    await database.db.$transaction(async (tx) => {
      for (const event of events) await recordStatsEvent(tx, event);
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a rebuild from zero gives identical tables', async () => {
    const before = await snapshot();
    await database.db.$executeRawUnsafe('TRUNCATE stats.performance_stats, stats.daily_sales, stats.hourly_sales, stats.grade_occupancy, stats.reservations, stats.payments');
    const { events } = await rebuildStats(database.db, { actorId: admin });
    expect(events).toBe(await database.db.statsEvent.count());
    expect(await snapshot()).toEqual(before);
    expect(await database.db.adminAuditLog.findFirstOrThrow({ where: { action: 'stats.rebuild' } })).toMatchObject({ actorId: admin, after: { events } });
  });

  it('answers 403 to a signed-in fan on every admin stats API', async () => {
    expect((await dashboard('USER', range())).statusCode).toBe(403);
    const rebuild = await api.inject({ method: 'POST', url: '/v1/admin/stats/rebuild', headers: internalHeaders({ 'x-user-id': fan, 'x-user-role': 'USER' }) });
    expect(rebuild.statusCode).toBe(403);
    expect(rebuild.json()).toMatchObject({ error: { code: 'forbidden' } });
  });

  it('names the field of a bad date range', async () => {
    const response = await dashboard('ADMIN', { from: '2026-12-10', to: '2026-12-01' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('to');
  });
});
