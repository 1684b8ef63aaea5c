// Cancellation and the admin payment pages through the worker API, against the PortOne stand-in:
// the preview and the cancel at schedule boundaries, partial cancel, another fan's id, the
// admin refund with its audit row, and a reconciliation report that finds a planted mismatch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createPaidBooking } from '../../../test/support/paid-booking';
import { createPerformanceFixture, createUsers } from '../../../test/support/performance-fixture';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-database';
import { newWebhookSecret, startTestPortOne, type TestPortOne } from '../../../test/support/test-portone';
import { createTestRedis, type TestRedis } from '../../../test/support/test-redis';
import { createTestWorkerContext, internalHeaders } from '../../../test/support/worker-context';
import { buildApi } from '../build-api';

const kst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+09:00`);
const clock = { now: kst('2027-02-01 10:00') };

let database: TestDatabase;
let testRedis: TestRedis;
let portone: TestPortOne;
let api: FastifyInstance;
let admin = "";

beforeAll(async () => {
  database = await createTestDatabase();
  testRedis = createTestRedis();
  portone = await startTestPortOne({ now: () => new Date(clock.now) });
  const ctx = createTestWorkerContext({
    database,
    redisUrl: testRedis.url,
    redis: testRedis.redis,
    env: {
      PORTONE_API_URL: portone.url,
      PORTONE_STORE_ID: portone.storeId,
      PORTONE_CHANNEL_KEY: 'channel-key-test',
      PORTONE_API_SECRET: portone.apiSecret,
      PORTONE_WEBHOOK_SECRETS: `${newWebhookSecret()},${portone.webhookSecret}`,
    },
  });
  api = buildApi(ctx, { now: () => clock.now.getTime() });
  admin = (await createUsers(database.db, 1))[0]!;
  await database.db.user.update({ where: { id: admin }, data: { role: 'ADMIN' } });
}, 60_000);
afterAll(async () => {
  await api?.close();
  await portone?.stop();
  await testRedis?.cleanup();
  await database?.drop();
});

const as = (userId: string, role: 'USER' | 'ADMIN' = 'USER') => internalHeaders({ 'x-user-id': userId, 'x-user-role': role, 'content-type': 'application/json' });
const portOneDeps = () => ({ db: database.db, redis: testRedis.redis, portone });

async function bookOne(seats = 1, method?: 'virtual_account') {
  const bookedAt = kst('2027-02-01 10:00');
  clock.now = bookedAt;
  const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: seats, now: bookedAt });
  await database.db.performance.update({ where: { id: fixture.performanceId }, data: { startsAt: kst('2027-03-25 19:00') } });
  const [fan] = await createUsers(database.db, 1);
  const booking = await createPaidBooking(portOneDeps(), { performanceId: fixture.performanceId, userId: fan!, ordinals: fixture.ordinals[0]!, paidAt: bookedAt, method });
  return { fixture, fan: fan!, booking };
}

describe('GET/POST /v1/reservations/:id/cancellation', () => {
  it.each([
    ['2027-02-07 23:59', 100_000],
    ['2027-03-16 00:00', 90_000],
    ['2027-03-24 16:59', 70_000],
  ] as const)('at %s previews and then refunds ₩%i', async (at, refund) => {
    const { fan, booking } = await bookOne();
    clock.now = kst(at);
    const preview = await api.inject({ method: 'GET', url: `/v1/reservations/${booking.reservationId}/cancellation?locale=en`, headers: as(fan) });
    expect(preview.statusCode).toBe(200);
    expect(preview.json().cancellation).toMatchObject({ allowed: true, refundKrw: refund, feeKrw: 100_000 - refund });
    expect(preview.json().cancellation.policy[0]).toMatch(/free/);

    const cancelled = await api.inject({ method: 'POST', url: `/v1/reservations/${booking.reservationId}/cancellation`, headers: as(fan), payload: { expectedRefundKrw: refund } });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().refund).toMatchObject({ status: 'SUCCEEDED', refundKrw: refund });
    expect((portone.control.payment(booking.portonePaymentId) as { amount: { cancelled: number } }).amount.cancelled).toBe(refund);
    expect(await database.db.notification.findFirst({ where: { userId: fan, kind: 'refund.completed' } })).toMatchObject({ data: expect.objectContaining({ initiator: 'FAN' }) });
  });

  it('answers 409 once cancellation has closed, and 409 when the quote changed since the preview', async () => {
    const { fan, booking } = await bookOne();
    clock.now = kst('2027-02-08 00:00');
    const stale = await api.inject({ method: 'POST', url: `/v1/reservations/${booking.reservationId}/cancellation`, headers: as(fan), payload: { expectedRefundKrw: 100_000 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ reason: 'quote_changed', refundKrw: 96_000 });
    clock.now = kst('2027-03-24 17:00');
    const closed = await api.inject({ method: 'POST', url: `/v1/reservations/${booking.reservationId}/cancellation`, headers: as(fan), payload: {} });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.reason).toBe('cancellation_closed');
  });

  it('cancels some seats, and names a bad body field with 400', async () => {
    const { fixture, fan, booking } = await bookOne(2);
    clock.now = kst('2027-03-19 09:00');
    const bad = await api.inject({ method: 'POST', url: `/v1/reservations/${booking.reservationId}/cancellation`, headers: as(fan), payload: { seatIds: ['nope'] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('seatIds.0');
    const partial = await api.inject({ method: 'POST', url: `/v1/reservations/${booking.reservationId}/cancellation`, headers: as(fan), payload: { seatIds: [fixture.seatIds[0]![1]] } });
    expect(partial.json().refund).toMatchObject({ status: 'SUCCEEDED', refundKrw: 80_000 });
    expect(portone.control.payment(booking.portonePaymentId)).toMatchObject({ status: 'PARTIAL_CANCELLED' });
  });

  it('asks for the refund account of a virtual-account booking, names each bad field with 400, and hands PortOne the account', async () => {
    const { fan, booking } = await bookOne(1, 'virtual_account');
    clock.now = kst('2027-03-01 09:00');
    const url = `/v1/reservations/${booking.reservationId}/cancellation`;
    const preview = await api.inject({ method: 'GET', url, headers: as(fan) });
    expect(preview.json().cancellation).toMatchObject({ allowed: true, refundAccountRequired: true });

    const account = { bank: 'SHINHAN', number: '110-123-456789', holderName: '김팬' };
    const refused = async (payload: object) => {
      const response = await api.inject({ method: 'POST', url, headers: as(fan), payload });
      return [response.statusCode, response.json().error.field];
    };
    expect(await refused({})).toEqual([400, 'refundAccount']);
    expect(await refused({ refundAccount: { ...account, bank: 'GRINGOTTS' } })).toEqual([400, 'refundAccount.bank']);
    expect(await refused({ refundAccount: { ...account, number: '12-34' } })).toEqual([400, 'refundAccount.number']);
    expect(await refused({ refundAccount: { ...account, holderName: '  ' } })).toEqual([400, 'refundAccount.holderName']);
    expect(await refused({ refundAccount: { ...account, holderPhoneNumber: '02-123-4567' } })).toEqual([400, 'refundAccount.holderPhoneNumber']);
    expect(portone.control.payment(booking.portonePaymentId)).toMatchObject({ status: 'PAID' });
    expect(await database.db.refund.count({ where: { reservationId: booking.reservationId } })).toBe(0);

    const cancelled = await api.inject({ method: 'POST', url, headers: as(fan), payload: { refundAccount: account } });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json().refund).toMatchObject({ status: 'SUCCEEDED', refundKrw: 96_000 });
    expect(portone.control.refundAccounts(booking.portonePaymentId)).toEqual([{ bank: 'SHINHAN', number: '110123456789', holderName: '김팬' }]);
  });

  it('needs no refund account for a card booking', async () => {
    const { fan, booking } = await bookOne();
    clock.now = kst('2027-03-01 09:00');
    const preview = await api.inject({ method: 'GET', url: `/v1/reservations/${booking.reservationId}/cancellation`, headers: as(fan) });
    expect(preview.json().cancellation.refundAccountRequired).toBe(false);
    const cancelled = await api.inject({ method: 'POST', url: `/v1/reservations/${booking.reservationId}/cancellation`, headers: as(fan), payload: {} });
    expect(cancelled.json().refund).toMatchObject({ status: 'SUCCEEDED' });
    expect(portone.control.refundAccounts(booking.portonePaymentId)).toEqual([]);
  });

  it("answers 404 for another fan's reservation, to preview or to cancel", async () => {
    const { booking } = await bookOne();
    const [stranger] = await createUsers(database.db, 1);
    clock.now = kst('2027-03-01 09:00');
    const preview = await api.inject({ method: 'GET', url: `/v1/reservations/${booking.reservationId}/cancellation`, headers: as(stranger!) });
    const cancel = await api.inject({ method: 'POST', url: `/v1/reservations/${booking.reservationId}/cancellation`, headers: as(stranger!), payload: {} });
    expect([preview.statusCode, cancel.statusCode]).toEqual([404, 404]);
    expect((portone.control.payment(booking.portonePaymentId) as { amount: { cancelled: number } }).amount.cancelled).toBe(0);
  });
});

describe('admin payments', () => {
  it('refunds with a reason, leaves an audit row, and shows it on the payment detail', async () => {
    const { fan, booking } = await bookOne();
    clock.now = kst('2027-03-24 20:00');
    const forbidden = await api.inject({ method: 'POST', url: `/v1/admin/payments/${booking.paymentId}/refund`, headers: as(fan), payload: { reason: 'mine' } });
    expect(forbidden.statusCode).toBe(403);

    const goodwill = await api.inject({ method: 'POST', url: `/v1/admin/payments/${booking.paymentId}/refund`, headers: as(admin, 'ADMIN'), payload: { reason: 'Late doors, goodwill', amountKrw: 10_000 } });
    expect(goodwill.json().refund).toMatchObject({ status: 'SUCCEEDED' });
    const rest = await api.inject({ method: 'POST', url: `/v1/admin/payments/${booking.paymentId}/refund`, headers: as(admin, 'ADMIN'), payload: { reason: 'Seat was broken' } });
    expect(rest.json().refund).toMatchObject({ status: 'SUCCEEDED' });
    expect((portone.control.payment(booking.portonePaymentId) as { status: string }).status).toBe('CANCELLED');

    // The admin reads a payment's times on its venue's clock: a London show's on London time.
    const { reservation } = await database.db.payment.findUniqueOrThrow({ where: { id: booking.paymentId }, select: { reservation: { select: { performance: { select: { hall: { select: { venueId: true } } } } } } } });
    const venueId = reservation!.performance.hall.venueId;
    await database.db.venue.update({ where: { id: venueId }, data: { timeZone: 'Europe/London' } });
    const detail = (await api.inject({ method: 'GET', url: `/v1/admin/payments/${booking.paymentId}`, headers: as(admin, 'ADMIN') })).json().payment;
    const londonRow = (await api.inject({ method: 'GET', url: `/v1/admin/payments?pageSize=100`, headers: as(admin, 'ADMIN') })).json().payments.find((p: { id: string }) => p.id === booking.paymentId);
    await database.db.venue.update({ where: { id: venueId }, data: { timeZone: 'Asia/Seoul' } });
    expect([detail.timeZone, londonRow.timeZone]).toEqual(['Europe/London', 'Europe/London']);
    expect(detail).toMatchObject({ status: 'CANCELLED', cancelledKrw: 102_000, reservationStatus: 'REFUNDED' });
    expect(detail.refunds.map((r: { amountKrw: number; initiator: string }) => [r.initiator, r.amountKrw])).toEqual([['ADMIN', 10_000], ['ADMIN', 92_000]]);
    expect(detail.audit).toEqual([
      expect.objectContaining({ action: 'payment.refund', actorId: admin, after: expect.objectContaining({ reason: 'Late doors, goodwill', amountKrw: 10_000 }) }),
      expect.objectContaining({ action: 'payment.refund', actorId: admin, after: expect.objectContaining({ reason: 'Seat was broken', amountKrw: 92_000 }) }),
    ]);

    const listed = (await api.inject({ method: 'GET', url: `/v1/admin/payments?status=CANCELLED&method=CARD&pageSize=100`, headers: as(admin, 'ADMIN') })).json();
    expect(listed.payments.map((p: { id: string }) => p.id)).toContain(booking.paymentId);
    const otherState = (await api.inject({ method: 'GET', url: `/v1/admin/payments?status=PAID&pageSize=100`, headers: as(admin, 'ADMIN') })).json();
    expect(otherState.payments.map((p: { id: string }) => p.id)).not.toContain(booking.paymentId);
  });

  it('refunds a virtual-account payment only to the bank account the admin names', async () => {
    const { booking } = await bookOne(1, 'virtual_account');
    clock.now = kst('2027-03-24 20:00');
    const url = `/v1/admin/payments/${booking.paymentId}/refund`;
    const bare = await api.inject({ method: 'POST', url, headers: as(admin, 'ADMIN'), payload: { reason: 'Show cancelled, fan called in' } });
    expect([bare.statusCode, bare.json().error.field]).toEqual([400, 'refundAccount']);
    const refundAccount = { bank: 'KAKAO', number: '3333-01-2345678', holderName: '김팬' };
    const refunded = await api.inject({ method: 'POST', url, headers: as(admin, 'ADMIN'), payload: { reason: 'Show cancelled, fan called in', refundAccount } });
    expect(refunded.json().refund).toMatchObject({ status: 'SUCCEEDED' });
    expect(portone.control.refundAccounts(booking.portonePaymentId)).toEqual([{ bank: 'KAKAO', number: '3333012345678', holderName: '김팬' }]);
  });

  it('finds a planted mismatch in the daily reconciliation, resends its webhook and resolves it with an audit row', async () => {
    const clean = await bookOne();
    const drifted = await bookOne();
    // Our side lost a cancellation PortOne made: a mismatch the report must name.
    await portone.client.payment.cancelPayment({ paymentId: drifted.booking.portonePaymentId, amount: 5_000, reason: 'made at the PortOne console' });
    // A payment PortOne took that we have no row for.
    await portone.client.payment.preRegisterPayment({ paymentId: 'stray-payment', totalAmount: 1_000, currency: 'KRW' });
    portone.control.pay('stray-payment', { method: 'card', outcome: 'paid', request: { totalAmount: 1_000 } });

    const run = await api.inject({ method: 'POST', url: '/v1/admin/reconciliation/run', headers: as(admin, 'ADMIN'), payload: { day: '2027-02-01' } });
    expect(run.statusCode).toBe(200);
    const found = run.json().report.mismatches.map((m: { portonePaymentId: string; kind: string }) => [m.portonePaymentId, m.kind]);
    expect(found).toEqual(expect.arrayContaining([[drifted.booking.portonePaymentId, 'cancelled_amount'], [drifted.booking.portonePaymentId, 'status'], ['stray-payment', 'missing_here']]));
    expect(found.map(([id]: [string]) => id)).not.toContain(clean.booking.portonePaymentId);
    expect(await database.db.adminAuditLog.findFirst({ where: { action: 'reconciliation.run', entityId: run.json().report.reportId } })).toMatchObject({ actorId: admin, after: { day: '2027-02-01' } });

    const resend = await api.inject({ method: 'POST', url: `/v1/admin/payments/${drifted.booking.paymentId}/resend-webhook`, headers: as(admin, 'ADMIN'), payload: {} });
    expect(resend.statusCode).toBe(200);

    const reports = (await api.inject({ method: 'GET', url: '/v1/admin/reconciliation', headers: as(admin, 'ADMIN') })).json().reports;
    const stray = reports[0].mismatches.find((m: { portonePaymentId: string }) => m.portonePaymentId === 'stray-payment');
    const resolved = await api.inject({ method: 'POST', url: `/v1/admin/reconciliation/mismatches/${stray.id}/resolve`, headers: as(admin, 'ADMIN'), payload: { resolution: 'Test payment at the console, refunded there' } });
    expect(resolved.json()).toEqual({ id: stray.id, status: 'RESOLVED' });
    expect(await database.db.adminAuditLog.findFirst({ where: { entityId: stray.id } })).toMatchObject({ action: 'reconciliation.resolve', actorId: admin });
    expect(await database.db.adminAuditLog.findFirst({ where: { entityId: drifted.booking.paymentId, action: 'payment.resend_webhook' } })).toMatchObject({ actorId: admin });
    const again = await api.inject({ method: 'POST', url: `/v1/admin/reconciliation/mismatches/${stray.id}/resolve`, headers: as(admin, 'ADMIN'), payload: { resolution: 'twice' } });
    expect(again.statusCode).toBe(409);
  });
});
