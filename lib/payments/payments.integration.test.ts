// Payments against the PortOne stand-in over real HTTP, the real @portone/server-sdk client and
// Webhook.verify, a real worker API receiving the stand-in's signed webhooks, and the real
// relay + reservations roles confirming reservations from `payment.settled`.
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../stand-ins/portone/sign-webhook';
import type { CheckoutMethod, CheckoutOutcome } from '../../stand-ins/portone/stand-in-types';
import { appErrorOf } from '../../test/support/app-error-of';
import { createPerformanceFixture, createUsers } from '../../test/support/performance-fixture';
import { readSeatStates } from '../../test/support/seat-states';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { startTestPortOne, newWebhookSecret, type TestPortOne } from '../../test/support/test-portone';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { createTestWorkerContext, internalHeaders } from '../../test/support/worker-context';
import { buildApi } from '../../workers/api/build-api';
import type { RoleHandle, WorkerContext } from '../../workers/runtime/context';
import { relayRole } from '../../workers/roles/relay';
import { reservationsRole } from '../../workers/roles/reservations';
import { holdSeats } from '../holds/hold-seats';
import { createReservation } from '../reservations/create-reservation';
import { expireOverdueReservations } from '../reservations/expire-overdue-reservations';
import type { CheckoutView } from './checkout-view';
import { completePayment } from './complete-payment';
import { createCheckout } from './create-checkout';
import { expireDepositDeadlines } from './expire-deposit-deadlines';
import type { PaymentDeps, PaymentNotice } from './payment-deps';
import { createPortOneClient } from './portone-client';
import { receivePortOneWebhook } from './receive-portone-webhook';
import { reconcilePendingPayments } from './reconcile-pending-payments';

let database: TestDatabase;
let testRedis: TestRedis;
let portone: TestPortOne;
let manualPortOne: TestPortOne;
let ctx: WorkerContext;
let api: FastifyInstance;
let apiUrl: string;
let roles: RoleHandle[];
const notices: PaymentNotice[] = [];

const PRICE = 50_000;
// Two seats of a concert: 2 × ₩50,000 + 2 × ₩2,000 booking fee.
const TOTAL = 104_000;

function depsOver(standIn: TestPortOne, manualConfirm = false): PaymentDeps {
  return {
    db: database.db,
    redis: testRedis.redis,
    portone: createPortOneClient({ apiUrl: standIn.url, apiSecret: standIn.apiSecret, storeId: standIn.storeId }),
    config: {
      portone: { apiUrl: standIn.url, apiSecret: standIn.apiSecret, storeId: standIn.storeId },
      channelKey: 'channel-key-test',
      webhookSecrets: [standIn.webhookSecret],
      checkoutUrl: `${standIn.url}/checkout`,
      manualConfirm,
      pendingMinutes: 3,
      webhookRetrySeconds: 30,
      virtualAccount: { maxHours: 24, cutoffHoursBeforeShow: 24 },
    },
    notify: async (notice) => void notices.push(notice),
  };
}
const deps = () => depsOver(portone);

beforeAll(async () => {
  database = await createTestDatabase();
  testRedis = createTestRedis();
  // A retired secret first and the live one second: deliveries signed with either verify.
  portone = await startTestPortOne({ webhookSecrets: [newWebhookSecret()] });
  manualPortOne = await startTestPortOne({ manualConfirm: true });
  ctx = createTestWorkerContext({
    database,
    redisUrl: testRedis.url,
    redis: testRedis.redis,
    env: {
      PORTONE_API_URL: portone.url,
      PORTONE_STORE_ID: portone.storeId,
      PORTONE_CHANNEL_KEY: 'channel-key-test',
      PORTONE_API_SECRET: portone.apiSecret,
      PORTONE_WEBHOOK_SECRETS: `${newWebhookSecret()},${portone.webhookSecret}`,
      PORTONE_CHECKOUT_URL: `${portone.url}/checkout`,
    },
  });
  api = buildApi(ctx);
  await api.listen({ port: 0, host: '127.0.0.1' });
  apiUrl = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
  portone.control.setWebhookUrl(`${apiUrl}/webhooks/portone`);
  roles = [await relayRole(ctx), await reservationsRole(ctx)];
}, 60_000);

afterAll(async () => {
  for (const role of roles ?? []) await role.stop();
  await api?.close();
  await portone?.stop();
  await manualPortOne?.stop();
  await testRedis?.cleanup();
  await database?.drop();
});

/** A user with a PENDING reservation of two seats (₩50,000 each) of a concert. */
async function pendingReservation() {
  const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4, prices: { R: PRICE } });
  const [userId] = await createUsers(database.db, 1);
  const seats = fixture.ordinals[0]!.slice(0, 2);
  const holdDeps = { db: database.db, redis: testRedis.redis, holdSeconds: 420 };
  await holdSeats(holdDeps, fixture.performanceId, userId!, { seats });
  const { reservation } = await createReservation(holdDeps, userId!, `key-${fixture.performanceId}`, { performanceId: fixture.performanceId, seats });
  return { userId: userId!, reservationId: reservation.id, performanceId: fixture.performanceId, ordinals: seats, deadline: new Date(reservation.paymentDeadline) };
}

/** The fan finishes the stand-in's window with what the checkout handed the browser. */
function payAtStandIn(standIn: TestPortOne, checkout: CheckoutView, method: CheckoutMethod = 'card', outcome: CheckoutOutcome = 'paid') {
  const { orderName, totalAmount, currency, customData } = checkout.request;
  return standIn.control.pay(checkout.paymentId, {
    method,
    outcome,
    request: { orderName, totalAmount, currency, customData, virtualAccountExpiry: checkout.snapshot.virtualAccountDueAt ? { dueDate: checkout.snapshot.virtualAccountDueAt } : undefined },
  });
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() - started > timeoutMs) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const reservationStatus = (id: string) => database.db.reservation.findUniqueOrThrow({ where: { id } }).then((r) => r.status);
const paymentRow = (paymentId: string) => database.db.payment.findUniqueOrThrow({ where: { portonePaymentId: paymentId } });
const settledEvents = (paymentId: string) => database.db.outboxEvent.count({ where: { type: 'payment.settled', aggregateId: paymentId } });

async function postWebhook(body: string, headers: Record<string, string>) {
  const response = await fetch(`${apiUrl}/webhooks/portone`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function signedHeaders(secret: string, webhookId: string, body: string, timestampSeconds = Math.floor(Date.now() / 1000)) {
  return { 'webhook-id': webhookId, 'webhook-timestamp': String(timestampSeconds), 'webhook-signature': signWebhook(secret, webhookId, timestampSeconds, body) };
}

describe('checkout', () => {
  it('1. happy path: checkout, the stand-in window, its signed webhook, CONFIRMED', async () => {
    const { userId, reservationId } = await pendingReservation();
    const checkout = await createCheckout(deps(), { reservationId, userId });
    expect(checkout.snapshot).toMatchObject({ ticketsKrw: 2 * PRICE, bookingFeePerTicketKrw: 2_000, bookingFeeKrw: 4_000, amountKrw: TOTAL });
    expect(checkout.request).toMatchObject({ totalAmount: TOTAL, currency: 'KRW', storeId: portone.storeId });
    expect(checkout.standInCheckoutUrl).toBe(`${portone.url}/checkout/${checkout.paymentId}`);
    expect(checkout.cancellationPolicy.ko.length).toBeGreaterThan(0);
    expect((await database.db.reservation.findUniqueOrThrow({ where: { id: reservationId } })).cancellationPolicy).not.toBeNull();

    expect(payAtStandIn(portone, checkout).code).toBeUndefined();
    expect(await waitFor(() => reservationStatus(reservationId), (s) => s === 'CONFIRMED')).toBe('CONFIRMED');
    const payment = await paymentRow(checkout.paymentId);
    expect(payment).toMatchObject({ status: 'PAID', amountKrw: TOTAL, method: 'CARD', bookingFeeKrw: 4_000 });
    expect(await database.db.outboxEvent.count({ where: { type: 'reservation.confirmed', aggregateId: reservationId } })).toBe(1);
    expect(await database.db.paymentWebhook.count({ where: { portonePaymentId: checkout.paymentId, type: 'Transaction.Paid' } })).toBe(1);
    // Settled by the webhook through the worker's own notice channel: the fan's in-app receipt.
    const receipt = await waitFor(() => database.db.notification.findFirst({ where: { userId, kind: 'reservation.confirmed' } }), (n) => n !== null);
    expect(receipt).toMatchObject({ subjectId: checkout.paymentId, link: `/me/reservations/${reservationId}` });

    // The browser's return, after the webhook: the same outcome, no second effect.
    const again = await completePayment(deps(), { userId, paymentId: checkout.paymentId });
    expect(again.outcome).toBe('paid');
    expect(await settledEvents(payment.id)).toBe(1);
  });

  it('9. a double-clicked pay button opens one payment', async () => {
    const { userId, reservationId } = await pendingReservation();
    const checkouts = await Promise.all(Array.from({ length: 6 }, () => createCheckout(deps(), { reservationId, userId })));
    expect(new Set(checkouts.map((c) => c.paymentId)).size).toBe(1);
    expect(await database.db.payment.count({ where: { reservationId } })).toBe(1);
  });

  it('5. an amount claimed by the client is ignored: the server pre-registers its own, and PortOne refuses another', async () => {
    const { userId, reservationId } = await pendingReservation();
    const response = await api.inject({
      method: 'POST',
      url: `/v1/reservations/${reservationId}/checkout`,
      headers: internalHeaders({ 'x-user-id': userId, 'content-type': 'application/json' }),
      payload: { amount: 100, totalAmount: 100, bookingFeeKrw: 0 },
    });
    expect(response.statusCode).toBe(200);
    const checkout = (response.json() as { checkout: CheckoutView }).checkout;
    expect(checkout.request.totalAmount).toBe(TOTAL);
    const tampered = portone.control.pay(checkout.paymentId, { method: 'card', outcome: 'paid', amountOverride: 100 });
    expect(tampered.code).toBeDefined();
    const completed = await api.inject({
      method: 'POST',
      url: `/v1/payments/${checkout.paymentId}/complete`,
      headers: internalHeaders({ 'x-user-id': userId, 'content-type': 'application/json' }),
      payload: { amount: 100 },
    });
    expect((completed.json() as { payment: { status: string; amountKrw: number } }).payment).toMatchObject({ status: 'READY', amountKrw: TOTAL });
    expect(await reservationStatus(reservationId)).toBe('PENDING');
  });

  it('14. another user\'s reservation or payment id answers 404', async () => {
    const bob = await pendingReservation();
    const [alice] = await createUsers(database.db, 1);
    const checkout = await createCheckout(deps(), { reservationId: bob.reservationId, userId: bob.userId });
    expect((await appErrorOf(createCheckout(deps(), { reservationId: bob.reservationId, userId: alice! }))).code).toBe('not_found');
    expect((await appErrorOf(completePayment(deps(), { paymentId: checkout.paymentId, userId: alice! }))).code).toBe('not_found');
    const as = (userId: string) => internalHeaders({ 'x-user-id': userId, 'content-type': 'application/json' });
    const responses = await Promise.all([
      api.inject({ method: 'POST', url: `/v1/reservations/${bob.reservationId}/checkout`, headers: as(alice!), payload: {} }),
      api.inject({ method: 'POST', url: `/v1/payments/${checkout.paymentId}/complete`, headers: as(alice!), payload: {} }),
      api.inject({ method: 'GET', url: `/v1/payments/${checkout.paymentId}`, headers: internalHeaders({ 'x-user-id': alice! }) }),
      api.inject({ method: 'POST', url: `/v1/reservations/not-a-uuid/checkout`, headers: as(alice!), payload: {} }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([404, 404, 404, 404]);
    expect(await database.db.payment.count({ where: { reservationId: bob.reservationId } })).toBe(1);
  });
});

describe('webhooks', () => {
  it('2. a forged signature gets 401 and changes nothing', async () => {
    const { userId, reservationId } = await pendingReservation();
    const checkout = await createCheckout(deps(), { reservationId, userId });
    portone.control.setFaults({ webhookLost: true });
    payAtStandIn(portone, checkout);
    portone.control.setFaults({ webhookLost: false });
    const body = JSON.stringify({ type: 'Transaction.Paid', timestamp: new Date().toISOString(), data: { storeId: portone.storeId, paymentId: checkout.paymentId, transactionId: 't' } });
    const forged = await postWebhook(body, signedHeaders(newWebhookSecret(), 'msg_forged_1', body));
    expect(forged.status).toBe(401);
    const unsigned = await postWebhook(body, { 'webhook-id': 'msg_forged_2', 'webhook-timestamp': String(Math.floor(Date.now() / 1000)) });
    expect(unsigned.status).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await database.db.paymentWebhook.count({ where: { webhookId: { in: ['msg_forged_1', 'msg_forged_2'] } } })).toBe(0);
    expect((await paymentRow(checkout.paymentId)).status).toBe('READY');
    expect(await reservationStatus(reservationId)).toBe('PENDING');
  });

  it('3. a replayed webhook id has no second effect', async () => {
    const { userId, reservationId } = await pendingReservation();
    const checkout = await createCheckout(deps(), { reservationId, userId });
    portone.control.setFaults({ webhookDuplicated: true });
    payAtStandIn(portone, checkout);
    await portone.control.webhooksSettled();
    portone.control.setFaults({ webhookDuplicated: false });
    await waitFor(() => reservationStatus(reservationId), (s) => s === 'CONFIRMED');
    const paid = portone.control.deliveries().find((d) => d.paymentId === checkout.paymentId && d.type === 'Transaction.Paid')!;
    const replay = await postWebhook(paid.body, signedHeaders(portone.webhookSecret, paid.webhookId, paid.body));
    expect(replay).toMatchObject({ status: 200, body: { duplicate: true } });
    await new Promise((resolve) => setTimeout(resolve, 200));
    const payment = await paymentRow(checkout.paymentId);
    expect(await database.db.paymentWebhook.count({ where: { webhookId: paid.webhookId } })).toBe(1);
    expect(await settledEvents(payment.id)).toBe(1);
    expect(await database.db.outboxEvent.count({ where: { type: 'reservation.confirmed', aggregateId: reservationId } })).toBe(1);
  });

  it('4. a stale timestamp is refused, by the system clock and by the injected one', async () => {
    const body = JSON.stringify({ type: 'Transaction.Paid', timestamp: new Date().toISOString(), data: { storeId: portone.storeId, paymentId: 'x', transactionId: 't' } });
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const stale = await postWebhook(body, signedHeaders(portone.webhookSecret, 'msg_stale_1', body, sixMinutesAgo));
    expect(stale.status).toBe(401);
    const fresh = signedHeaders(portone.webhookSecret, 'msg_stale_2', body);
    const later = new Date(Date.now() + 6 * 60_000);
    const refused = await appErrorOf(receivePortOneWebhook({ db: database.db, webhookSecrets: [portone.webhookSecret] }, { rawBody: body, headers: fresh }, later));
    expect(refused).toMatchObject({ code: 'unauthorized', details: { reason: 'timestamp outside the 5-minute tolerance' } });
    expect(await database.db.paymentWebhook.count({ where: { webhookId: { in: ['msg_stale_1', 'msg_stale_2'] } } })).toBe(0);
  });

  it('stores an unknown webhook type for audit and ignores it', async () => {
    const body = JSON.stringify({ type: 'BillingKey.Issued', timestamp: new Date().toISOString(), data: { storeId: portone.storeId, billingKey: 'b' } });
    const answer = await postWebhook(body, signedHeaders(portone.webhookSecret, 'msg_unknown_1', body));
    expect(answer.status).toBe(200);
    const stored = await waitFor(() => database.db.paymentWebhook.findUniqueOrThrow({ where: { webhookId: 'msg_unknown_1' } }), (w) => w.processedAt !== null);
    expect(stored).toMatchObject({ type: 'BillingKey.Issued', rawBody: body, lastError: null });
    expect(stored.processedAt).not.toBeNull();
  });
});

describe('settling from PortOne\'s record', () => {
  it('6. an amount tampered at PortOne is cancelled there, the reason recorded and the fan told; the reservation stays payable', async () => {
    const { userId, reservationId } = await pendingReservation();
    const checkout = await createCheckout(deps(), { reservationId, userId });
    portone.control.setFaults({ tamperAmount: 1_000, webhookLost: true });
    payAtStandIn(portone, checkout);
    portone.control.setFaults({ tamperAmount: 0, webhookLost: false });
    const result = await completePayment(deps(), { userId, paymentId: checkout.paymentId });
    expect(result).toMatchObject({ outcome: 'cancelled', reason: `amount mismatch: PortOne ${TOTAL + 1_000} KRW, ours ${TOTAL} KRW` });
    expect(portone.control.payment(checkout.paymentId).status).toBe('CANCELLED');
    expect(await paymentRow(checkout.paymentId)).toMatchObject({ status: 'CANCELLED', cancelledKrw: TOTAL + 1_000, liveReservationId: null });
    expect(notices.filter((n) => n.paymentId === checkout.paymentId).map((n) => n.kind)).toEqual(['payment_cancelled']);
    expect(await reservationStatus(reservationId)).toBe('PENDING');
    const retry = await createCheckout(deps(), { reservationId, userId });
    expect(retry.paymentId).not.toBe(checkout.paymentId);
  });

  it('7. a payment whose webhooks were all lost is settled by the reconciler', async () => {
    const { userId, reservationId } = await pendingReservation();
    const checkout = await createCheckout(deps(), { reservationId, userId });
    portone.control.setFaults({ webhookLost: true });
    payAtStandIn(portone, checkout);
    portone.control.setFaults({ webhookLost: false });
    expect((await reconcilePendingPayments(deps(), new Date())).map((r) => r.paymentId)).not.toContain(checkout.paymentId);
    const later = await reconcilePendingPayments(deps(), new Date(Date.now() + 4 * 60_000));
    expect(later.find((r) => r.paymentId === checkout.paymentId)?.outcome).toBe('paid');
    expect(await waitFor(() => reservationStatus(reservationId), (s) => s === 'CONFIRMED')).toBe('CONFIRMED');
  });

  it('8a. a payment captured after the reservation expired is refunded and the seats stay released', async () => {
    const { userId, reservationId, performanceId, ordinals, deadline } = await pendingReservation();
    const checkout = await createCheckout(deps(), { reservationId, userId });
    await expireOverdueReservations({ db: database.db, redis: testRedis.redis }, new Date(deadline.getTime() + 1_000));
    expect(await reservationStatus(reservationId)).toBe('EXPIRED');
    portone.control.setFaults({ webhookLost: true });
    payAtStandIn(portone, checkout);
    portone.control.setFaults({ webhookLost: false });
    const result = await completePayment(deps(), { userId, paymentId: checkout.paymentId });
    expect(result).toMatchObject({ outcome: 'cancelled', reason: 'reservation expired: its seats are no longer held' });
    expect(portone.control.payment(checkout.paymentId)).toMatchObject({ status: 'CANCELLED' });
    expect(await database.db.outboxEvent.count({ where: { type: 'payment.refunded', aggregateId: (await paymentRow(checkout.paymentId)).id } })).toBe(1);
    expect(await reservationStatus(reservationId)).toBe('EXPIRED');
    expect(await readSeatStates(testRedis.redis, performanceId, ordinals)).toEqual([0, 0]);
  });

  it('8b. with manual confirm, a payment for an expired reservation is refused at confirm and nothing is captured', async () => {
    const manual = depsOver(manualPortOne, true);
    const { userId, reservationId, deadline } = await pendingReservation();
    const checkout = await createCheckout(manual, { reservationId, userId });
    const window = payAtStandIn(manualPortOne, checkout);
    expect(window.paymentToken).toBeDefined();
    await expireOverdueReservations({ db: database.db, redis: testRedis.redis }, new Date(deadline.getTime() + 1_000));
    const result = await completePayment(manual, { userId, paymentId: checkout.paymentId, paymentToken: window.paymentToken, txId: window.txId });
    expect(result).toMatchObject({ outcome: 'refused', reason: 'reservation expired' });
    expect(manualPortOne.control.payment(checkout.paymentId).status).toBe('PAY_PENDING');
    expect(await paymentRow(checkout.paymentId)).toMatchObject({ status: 'FAILED', failureReason: 'refused at confirm: reservation expired' });
    expect(notices.find((n) => n.paymentId === checkout.paymentId)?.kind).toBe('payment_refused');
  });

  it('8c. with manual confirm, a payment inside the deadline is confirmed at PortOne and the reservation CONFIRMED', async () => {
    const manual = depsOver(manualPortOne, true);
    const { userId, reservationId } = await pendingReservation();
    const checkout = await createCheckout(manual, { reservationId, userId });
    const window = payAtStandIn(manualPortOne, checkout);
    expect((await completePayment(manual, { userId, paymentId: checkout.paymentId })).outcome).toBe('pending');
    const result = await completePayment(manual, { userId, paymentId: checkout.paymentId, paymentToken: window.paymentToken, txId: window.txId });
    expect(result.outcome).toBe('paid');
    expect(manualPortOne.control.payment(checkout.paymentId).status).toBe('PAID');
    expect(await waitFor(() => reservationStatus(reservationId), (s) => s === 'CONFIRMED')).toBe('CONFIRMED');
  });

  it('a declined card leaves the reservation payable: the next checkout opens a new payment', async () => {
    const { userId, reservationId } = await pendingReservation();
    const checkout = await createCheckout(deps(), { reservationId, userId });
    const window = payAtStandIn(portone, checkout, 'card', 'declined');
    expect(window.code).toBe('FAILURE_TYPE_PG');
    const result = await completePayment(deps(), { userId, paymentId: checkout.paymentId });
    expect(result.outcome).toBe('failed');
    expect(await reservationStatus(reservationId)).toBe('PENDING');
    const retry = await createCheckout(deps(), { reservationId, userId });
    expect(retry.paymentId).not.toBe(checkout.paymentId);
    payAtStandIn(portone, retry, 'kakaopay');
    expect(await waitFor(() => reservationStatus(reservationId), (s) => s === 'CONFIRMED')).toBe('CONFIRMED');
    expect(await paymentRow(retry.paymentId)).toMatchObject({ method: 'EASY_PAY', easyPayProvider: 'KAKAOPAY' });
  });
});

describe('virtual accounts', () => {
  it('10a. a deposit in time confirms the reservation', async () => {
    const { userId, reservationId } = await pendingReservation();
    const checkout = await createCheckout(deps(), { reservationId, userId });
    expect(checkout.payMethods).toContain('VIRTUAL_ACCOUNT');
    // The issuance reaches us through the browser's return this time (its webhook is lost).
    portone.control.setFaults({ webhookLost: true });
    payAtStandIn(portone, checkout, 'virtual_account');
    portone.control.setFaults({ webhookLost: false });
    expect((await completePayment(deps(), { userId, paymentId: checkout.paymentId })).outcome).toBe('virtual_account_issued');
    const issued = await database.db.reservation.findUniqueOrThrow({ where: { id: reservationId } });
    expect(issued.status).toBe('AWAITING_DEPOSIT');
    expect(issued.paymentDeadline.toISOString()).toBe(checkout.snapshot.virtualAccountDueAt);
    const payment = await paymentRow(checkout.paymentId);
    expect(payment).toMatchObject({ status: 'VIRTUAL_ACCOUNT_ISSUED', method: 'VIRTUAL_ACCOUNT' });
    expect(payment.virtualAccountNumber).toBeTruthy();
    expect(notices.find((n) => n.paymentId === checkout.paymentId && n.kind === 'virtual_account_issued')?.facts).toMatchObject({ accountNumber: payment.virtualAccountNumber });
    // The reservations role's own expiry never touches it, even past the 7-minute hold.
    await expireOverdueReservations({ db: database.db, redis: testRedis.redis }, new Date(Date.now() + 60 * 60_000));
    expect(await reservationStatus(reservationId)).toBe('AWAITING_DEPOSIT');

    portone.control.deposit(checkout.paymentId);
    expect(await waitFor(() => reservationStatus(reservationId), (s) => s === 'CONFIRMED')).toBe('CONFIRMED');
  });

  it('10b. no deposit by the deadline: the account is closed at PortOne, the reservation expires and the seats return', async () => {
    const { userId, reservationId, performanceId, ordinals } = await pendingReservation();
    const checkout = await createCheckout(deps(), { reservationId, userId });
    payAtStandIn(portone, checkout, 'virtual_account');
    await waitFor(() => reservationStatus(reservationId), (s) => s === 'AWAITING_DEPOSIT');
    expect(await expireDepositDeadlines(deps(), new Date())).toBe(0);
    const due = new Date(checkout.snapshot.virtualAccountDueAt!);
    expect(await expireDepositDeadlines(deps(), new Date(due.getTime() + 1_000))).toBe(1);
    expect(await reservationStatus(reservationId)).toBe('EXPIRED');
    expect(portone.control.payment(checkout.paymentId).status).toBe('CANCELLED');
    expect(await paymentRow(checkout.paymentId)).toMatchObject({ status: 'CANCELLED', cancelReason: 'virtual account deposit deadline passed' });
    expect(await readSeatStates(testRedis.redis, performanceId, ordinals)).toEqual([0, 0]);
    expect(await database.db.outboxEvent.count({ where: { type: 'reservation.expired', aggregateId: reservationId } })).toBe(1);
    // A late deposit cannot land: the account is closed.
    expect(() => portone.control.deposit(checkout.paymentId)).toThrow();
  });
});
