// The stand-in against the real @portone/server-sdk client and its Webhook.verify, over HTTP.
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Payment, PortOneClient, Webhook } from '@portone/server-sdk';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { newWebhookSecret, startTestPortOne, type TestPortOne } from '../../test/support/test-portone';

type Received = { body: string; headers: IncomingHttpHeaders };

/** A webhook endpoint that keeps every delivery and answers a webhook type with its scripted statuses. */
async function startReceiver() {
  const received: Received[] = [];
  const statuses = new Map<string, number[]>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      received.push({ body, headers: request.headers });
      response.writeHead(statuses.get((JSON.parse(body) as { type: string }).type)?.shift() ?? 200);
      response.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/portone`;
  return {
    url,
    received,
    fail: (type: string, ...codes: number[]) => statuses.set(type, codes),
    types: () => received.map((r) => (JSON.parse(r.body) as { type: string }).type),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const clock = { now: new Date('2030-03-01T10:00:00Z') };
const now = () => new Date(clock.now);

let receiver: Awaited<ReturnType<typeof startReceiver>>;
let portone: TestPortOne;
let sequence = 0;
const nextPaymentId = () => `pay-${Date.now()}-${(sequence += 1)}`;

beforeAll(async () => {
  receiver = await startReceiver();
  portone = await startTestPortOne({ webhookUrl: receiver.url, now });
});
afterAll(async () => {
  await portone.stop();
  await receiver.stop();
});
afterEach(async () => {
  portone.control.setFaults({ webhookLost: false, webhookDuplicated: false, webhookOutOfOrder: false, webhookDelayMs: 0, timeoutMs: 0, declineAll: false, depositNever: false, tamperAmount: 0 });
  portone.control.flushWebhooks();
  await portone.control.webhooksSettled();
  receiver.received.length = 0;
});

async function verifiedBodies(secret = portone.webhookSecret) {
  return Promise.all(receiver.received.map((r) => Webhook.verify(secret, r.body, r.headers as Record<string, string>)));
}

async function paidByCard(totalAmount: number, customData = '{"reservationId":"r1"}') {
  const paymentId = nextPaymentId();
  await portone.client.payment.preRegisterPayment({ paymentId, totalAmount, currency: 'KRW' });
  const result = portone.control.pay(paymentId, { method: 'card', outcome: 'paid', request: { orderName: '뮤지컬 2석', customData } });
  return { paymentId, result };
}

describe('REST API through the real PortOneClient', () => {
  it('refuses a wrong API secret with PortOne\'s UNAUTHORIZED body', async () => {
    const intruder = PortOneClient({ secret: 'wrong', baseUrl: portone.url });
    const failure = await intruder.payment.getPayment({ paymentId: 'x' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(Payment.PaymentError);
    expect((failure as Payment.PaymentError & { data: { type: string } }).data.type).toBe('UNAUTHORIZED');
  });

  it('answers PAYMENT_NOT_FOUND for an unknown payment and FORBIDDEN for another store', async () => {
    const missing = await portone.client.payment.getPayment({ paymentId: 'nope' }).catch((e: { data: { type: string } }) => e.data.type);
    expect(missing).toBe('PAYMENT_NOT_FOUND');
    const other = await portone.client.payment.getPayment({ paymentId: 'nope', storeId: 'store-other' }).catch((e: { data: { type: string } }) => e.data.type);
    expect(other).toBe('FORBIDDEN');
  });

  it('charges the pre-registered amount by card and reports PAID with amount, method and customData', async () => {
    const { paymentId, result } = await paidByCard(132_000);
    expect(result.code).toBeUndefined();
    const payment = await portone.client.payment.getPayment({ paymentId });
    expect(payment.status).toBe('PAID');
    if (payment.status !== 'PAID') return;
    expect(payment.amount).toMatchObject({ total: 132_000, paid: 132_000, cancelled: 0 });
    expect(payment.currency).toBe('KRW');
    expect(payment.storeId).toBe(portone.storeId);
    expect(payment.customData).toBe('{"reservationId":"r1"}');
    expect(payment.method?.type).toBe('PaymentMethodCard');
    expect(payment.paidAt).toBe(clock.now.toISOString());
    expect(payment.transactionId).toBe(result.txId);
  });

  it('refuses a client-claimed amount that differs from the pre-registered one, and charges nothing', async () => {
    const paymentId = nextPaymentId();
    await portone.client.payment.preRegisterPayment({ paymentId, totalAmount: 50_000, currency: 'KRW' });
    const result = portone.control.pay(paymentId, { method: 'card', outcome: 'paid', amountOverride: 100 });
    expect(result.code).toBe('PORTONE_ERROR');
    const missing = await portone.client.payment.getPayment({ paymentId }).catch((e: { data: { type: string } }) => e.data.type);
    expect(missing).toBe('PAYMENT_NOT_FOUND');
  });

  it('charges a tampered amount when the tamperAmount fault is on', async () => {
    portone.control.setFaults({ tamperAmount: -1_000 });
    const { paymentId } = await paidByCard(30_000);
    const payment = await portone.client.payment.getPayment({ paymentId });
    expect(payment.status === 'PAID' && payment.amount.total).toBe(29_000);
  });

  it('records a decline and a closed window as FAILED with the mobile redirect code', async () => {
    const declined = nextPaymentId();
    await portone.client.payment.preRegisterPayment({ paymentId: declined, totalAmount: 1_000, currency: 'KRW' });
    expect(portone.control.pay(declined, { method: 'kakaopay', outcome: 'declined' })).toMatchObject({ code: 'FAILURE_TYPE_PG' });
    const payment = await portone.client.payment.getPayment({ paymentId: declined });
    expect(payment.status).toBe('FAILED');
    // The same payment id may be tried again after a failure, as PortOne allows.
    expect(portone.control.pay(declined, { method: 'naverpay', outcome: 'paid' }).code).toBeUndefined();
    const retried = await portone.client.payment.getPayment({ paymentId: declined });
    expect(retried.status === 'PAID' && retried.method).toMatchObject({ type: 'PaymentMethodEasyPay', provider: 'NAVERPAY' });

    const walkedAway = nextPaymentId();
    const result = portone.control.pay(walkedAway, { method: 'card', outcome: 'user_cancelled', request: { totalAmount: 2_000 } });
    expect(result.message).toContain('PAY_PROCESS_CANCELED');
    portone.control.setFaults({ declineAll: true });
    expect(portone.control.pay(nextPaymentId(), { method: 'card', outcome: 'paid', request: { totalAmount: 2_000 } }).code).toBe('FAILURE_TYPE_PG');
  });

  it('cancels in part with currentCancellableAmount, refuses a stale one, then cancels the rest', async () => {
    const { paymentId } = await paidByCard(100_000);
    const stale = await portone.client.payment
      .cancelPayment({ paymentId, reason: '부분 취소', amount: 40_000, currentCancellableAmount: 90_000 })
      .catch((e: { data: { type: string } }) => e.data.type);
    expect(stale).toBe('CANCELLABLE_AMOUNT_CONSISTENCY_BROKEN');
    const partial = await portone.client.payment.cancelPayment({ paymentId, reason: '부분 취소', amount: 40_000, currentCancellableAmount: 100_000 });
    expect(partial.cancellation).toMatchObject({ status: 'SUCCEEDED', totalAmount: 40_000, reason: '부분 취소' });
    const afterPartial = await portone.client.payment.getPayment({ paymentId });
    expect(afterPartial.status).toBe('PARTIAL_CANCELLED');
    expect(afterPartial.status === 'PARTIAL_CANCELLED' && afterPartial.amount).toMatchObject({ paid: 100_000, cancelled: 40_000 });
    const tooMuch = await portone.client.payment.cancelPayment({ paymentId, reason: 'x', amount: 60_001 }).catch((e: { data: { type: string } }) => e.data.type);
    expect(tooMuch).toBe('CANCEL_AMOUNT_EXCEEDS_CANCELLABLE_AMOUNT');
    await portone.client.payment.cancelPayment({ paymentId, reason: '전액 취소', currentCancellableAmount: 60_000 });
    const cancelled = await portone.client.payment.getPayment({ paymentId });
    expect(cancelled.status === 'CANCELLED' && cancelled.cancellations.map((c) => c.status === 'SUCCEEDED' && c.totalAmount)).toEqual([40_000, 60_000]);
    const again = await portone.client.payment.cancelPayment({ paymentId, reason: 'x' }).catch((e: { data: { type: string } }) => e.data.type);
    expect(again).toBe('PAYMENT_ALREADY_CANCELLED');
    await portone.control.webhooksSettled();
    expect(receiver.types()).toEqual(['Transaction.Ready', 'Transaction.Paid', 'Transaction.PartialCancelled', 'Transaction.Cancelled']);
    const bodies = (await verifiedBodies()) as Array<{ data: { cancellationId?: string } }>;
    expect(bodies[2]!.data.cancellationId).toBe(partial.cancellation.status === 'SUCCEEDED' ? partial.cancellation.id : 'none');
  });

  it('issues a virtual account, takes the deposit in time, and needs a refund account to cancel', async () => {
    const paymentId = nextPaymentId();
    await portone.client.payment.preRegisterPayment({ paymentId, totalAmount: 77_000, currency: 'KRW' });
    const dueDate = new Date(clock.now.getTime() + 3_600_000).toISOString();
    portone.control.pay(paymentId, { method: 'virtual_account', outcome: 'paid', request: { virtualAccountExpiry: { dueDate } } });
    const issued = await portone.client.payment.getPayment({ paymentId });
    expect(issued.status).toBe('VIRTUAL_ACCOUNT_ISSUED');
    expect(issued.status === 'VIRTUAL_ACCOUNT_ISSUED' && issued.method).toMatchObject({ type: 'PaymentMethodVirtualAccount', bank: 'SHINHAN', expiredAt: dueDate });
    expect(portone.control.deposit(paymentId).status).toBe('PAID');
    const noAccount = await portone.client.payment.cancelPayment({ paymentId, reason: '환불' }).catch((e: { data: { type: string } }) => e.data.type);
    expect(noAccount).toBe('INVALID_REQUEST');
    const dashed = await portone.client.payment
      .cancelPayment({ paymentId, reason: '환불', refundAccount: { bank: 'KOOKMIN', number: '123-456-789', holderName: '홍길동' } })
      .catch((e: { data: { type: string; message: string } }) => e.data);
    expect(dashed).toMatchObject({ type: 'INVALID_REQUEST', message: expect.stringContaining('refundAccount.number') });
    expect(portone.control.payment(paymentId).status).toBe('PAID');
    await portone.client.payment.cancelPayment({ paymentId, reason: '환불', refundAccount: { bank: 'KOOKMIN', number: '123456789', holderName: '홍길동' } });
    expect(portone.control.refundAccounts(paymentId)).toEqual([{ bank: 'KOOKMIN', number: '123456789', holderName: '홍길동' }]);
    await portone.control.webhooksSettled();
    expect(receiver.types()).toEqual(['Transaction.Ready', 'Transaction.VirtualAccountIssued', 'Transaction.Paid', 'Transaction.Cancelled']);
  });

  it('refuses a late deposit and a never-made one, and closes the account', async () => {
    const late = nextPaymentId();
    portone.control.pay(late, { method: 'virtual_account', outcome: 'paid', request: { totalAmount: 10_000, virtualAccountExpiry: { validHours: 1 } } });
    clock.now = new Date(clock.now.getTime() + 2 * 3_600_000);
    expect(() => portone.control.deposit(late)).toThrow(/기한/);
    const closed = await portone.client.payment.closeVirtualAccount({ paymentId: late });
    expect(closed.closedAt).toBe(clock.now.toISOString());
    expect((await portone.client.payment.getPayment({ paymentId: late })).status).toBe('CANCELLED');
    const closedAgain = await portone.client.payment.closeVirtualAccount({ paymentId: late }).catch((e: { data: { type: string } }) => e.data.type);
    expect(closedAgain).toBe('PAYMENT_NOT_WAITING_FOR_DEPOSIT');

    const never = nextPaymentId();
    portone.control.pay(never, { method: 'virtual_account', outcome: 'paid', request: { totalAmount: 10_000 } });
    portone.control.setFaults({ depositNever: true });
    expect(() => portone.control.deposit(never)).toThrow(/depositNever/);
  });

  it('lists payments by creation time with cursor paging', async () => {
    clock.now = new Date('2031-01-01T00:00:00Z');
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      clock.now = new Date(clock.now.getTime() + 60_000);
      ids.push((await paidByCard(1_000 + i)).paymentId);
    }
    const from = '2031-01-01T00:00:00Z';
    const until = '2031-01-02T00:00:00Z';
    const first = await portone.client.payment.getAllPaymentsByCursor({ from, until, size: 3 });
    const second = await portone.client.payment.getAllPaymentsByCursor({ from, until, size: 3, cursor: first.items.at(-1)!.cursor });
    expect([...first.items, ...second.items].map((item) => (item.payment as { id: string }).id)).toEqual(ids);
    const narrow = await portone.client.payment.getAllPaymentsByCursor({ from: '2031-01-01T00:02:00Z', until: '2031-01-01T00:04:00Z' });
    expect(narrow.items.map((item) => (item.payment as { id: string }).id)).toEqual(ids.slice(1, 3));
  });

  it('answers slowly with the timeoutMs fault, so a client timeout fires', async () => {
    portone.control.setFaults({ timeoutMs: 300 });
    const slow = await fetch(`${portone.url}/payments/x`, { headers: { Authorization: `PortOne ${portone.apiSecret}` }, signal: AbortSignal.timeout(100) }).catch(
      (e: Error) => e.name,
    );
    expect(slow).toBe('TimeoutError');
  });
});

describe('webhooks', () => {
  it('signs every delivery so Webhook.verify accepts it, and another secret does not', async () => {
    const { paymentId } = await paidByCard(5_000);
    await portone.control.webhooksSettled();
    const bodies = await verifiedBodies();
    expect(bodies.map((b) => (b as { type: string; data: { paymentId: string; storeId: string } }).data)).toEqual([
      expect.objectContaining({ paymentId, storeId: portone.storeId }),
      expect.objectContaining({ paymentId, storeId: portone.storeId }),
    ]);
    const wrong = await Webhook.verify(newWebhookSecret(), receiver.received[0]!.body, receiver.received[0]!.headers as Record<string, string>).catch(
      (e: Webhook.WebhookVerificationError) => e.reason,
    );
    expect(wrong).toBe('NO_MATCHING_SIGNATURE');
  });

  it('retries a non-2xx answer with the same webhook-id until it is accepted', async () => {
    receiver.fail('Transaction.Ready', 500, 503);
    const { paymentId } = await paidByCard(6_000);
    await portone.control.webhooksSettled();
    const ready = portone.control.deliveries().find((d) => d.paymentId === paymentId && d.type === 'Transaction.Ready')!;
    expect(ready.attempts.map((a) => a.status)).toEqual([500, 503, 200]);
    expect(ready.state).toBe('delivered');
    const ids = receiver.received.map((r) => r.headers['webhook-id']);
    expect(ids.filter((id) => id === ready.webhookId)).toHaveLength(3);
    const payment = await portone.client.payment.getPayment({ paymentId });
    expect(payment.status === 'PAID' && payment.webhooks?.[0]).toMatchObject({ id: ready.webhookId, status: 'SUCCEEDED', currentExecutionCount: 3 });
  });

  it('gives up after the last retry delay', async () => {
    receiver.fail('Transaction.Ready', 500, 500, 500, 500);
    const { paymentId } = await paidByCard(6_500);
    await portone.control.webhooksSettled();
    const ready = portone.control.deliveries().find((d) => d.paymentId === paymentId && d.type === 'Transaction.Ready')!;
    expect(ready.attempts).toHaveLength(4);
    expect(ready.state).toBe('failed');
  });

  it('loses webhooks on request, and resend-webhook delivers the latest one', async () => {
    portone.control.setFaults({ webhookLost: true });
    const { paymentId } = await paidByCard(7_000);
    await portone.control.webhooksSettled();
    expect(receiver.received).toHaveLength(0);
    const { webhook } = await portone.client.payment.resendWebhook({ paymentId });
    await portone.control.webhooksSettled();
    expect(receiver.types()).toEqual(['Transaction.Paid']);
    expect(receiver.received[0]!.headers['webhook-id']).toBe(webhook.id);
  });

  it('duplicates webhooks on request with one webhook-id', async () => {
    portone.control.setFaults({ webhookDuplicated: true });
    await paidByCard(8_000);
    await portone.control.webhooksSettled();
    expect(receiver.types()).toEqual(['Transaction.Ready', 'Transaction.Ready', 'Transaction.Paid', 'Transaction.Paid']);
    expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(2);
  });

  it('sends webhooks out of order on request', async () => {
    portone.control.setFaults({ webhookOutOfOrder: true });
    await paidByCard(9_000);
    await portone.control.webhooksSettled();
    expect(receiver.types()).toEqual(['Transaction.Paid', 'Transaction.Ready']);
  });

  it('delays webhooks on request', async () => {
    portone.control.setFaults({ webhookDelayMs: 150 });
    await paidByCard(9_500);
    expect(receiver.received).toHaveLength(0);
    await portone.control.webhooksSettled();
    expect(receiver.types()).toEqual(['Transaction.Ready', 'Transaction.Paid']);
  });
});

describe('a manual-confirm channel', () => {
  let manual: TestPortOne;
  beforeAll(async () => {
    manual = await startTestPortOne({ manualConfirm: true, webhookUrl: receiver.url, now });
  });
  afterAll(async () => manual.stop());

  it('leaves the payment PAY_PENDING until POST /confirm with the token and the right amount', async () => {
    const paymentId = nextPaymentId();
    await manual.client.payment.preRegisterPayment({ paymentId, totalAmount: 44_000, currency: 'KRW' });
    const result = manual.control.pay(paymentId, { method: 'card', outcome: 'paid' });
    expect(result.paymentToken).toBeTruthy();
    expect((await manual.client.payment.getPayment({ paymentId })).status).toBe('PAY_PENDING');
    const wrongAmount = await manual.client.payment
      .confirmPayment({ paymentId, paymentToken: result.paymentToken!, txId: result.txId, totalAmount: 1, currency: 'KRW' })
      .catch((e: { data: { type: string } }) => e.data.type);
    expect(wrongAmount).toBe('INFORMATION_MISMATCH');
    const wrongToken = await manual.client.payment.confirmPayment({ paymentId, paymentToken: 'forged' }).catch((e: { data: { type: string } }) => e.data.type);
    expect(wrongToken).toBe('INVALID_PAYMENT_TOKEN');
    const confirmed = await manual.client.payment.confirmPayment({ paymentId, paymentToken: result.paymentToken!, txId: result.txId, totalAmount: 44_000, currency: 'KRW' });
    expect(confirmed.paidAt).toBe(clock.now.toISOString());
    expect((await manual.client.payment.getPayment({ paymentId })).status).toBe('PAID');
    const twice = await manual.client.payment.confirmPayment({ paymentId, paymentToken: result.paymentToken! }).catch((e: { data: { type: string } }) => e.data.type);
    expect(twice).toBe('ALREADY_PAID');
    await manual.control.webhooksSettled();
    expect(receiver.types()).toEqual(['Transaction.Ready', 'Transaction.PayPending', 'Transaction.Paid']);
  });
});

describe('the checkout page', () => {
  it('opens the window, pays on submit and redirects with paymentId and txId only', async () => {
    const paymentId = nextPaymentId();
    await portone.client.payment.preRegisterPayment({ paymentId, totalAmount: 12_000, currency: 'KRW' });
    const pageUrl = portone.checkoutPageUrl(paymentId, { orderName: '연극 1석', totalAmount: 12_000, redirectUrl: 'http://localhost:3000/checkout/done?r=1' });
    const html = await (await fetch(pageUrl)).text();
    expect(html).toContain('12,000원');
    expect(html).toContain('data-testid="method-virtual_account"');
    const submitted = await fetch(pageUrl, { method: 'POST', body: new URLSearchParams({ method: 'tosspay', outcome: 'paid' }), redirect: 'manual' });
    expect(submitted.status).toBe(303);
    const location = new URL(submitted.headers.get('location')!);
    expect(location.pathname).toBe('/checkout/done');
    expect(Object.fromEntries(location.searchParams)).toEqual({ r: '1', paymentId, transactionType: 'PAYMENT', txId: expect.any(String) });
    expect((await portone.client.payment.getPayment({ paymentId })).status).toBe('PAID');
    const twice = await fetch(pageUrl, { method: 'POST', body: new URLSearchParams({ method: 'card', outcome: 'paid' }), redirect: 'manual' });
    expect(new URL(twice.headers.get('location')!).searchParams.get('code')).toBe('PORTONE_ERROR');
  });

  it('pays a window the browser opened without pre-registration for the amount it opened with', async () => {
    const paymentId = nextPaymentId();
    await fetch(portone.checkoutPageUrl(paymentId, { totalAmount: 8_800, orderName: '콘서트 1석' }));
    expect(portone.control.pay(paymentId, { method: 'card', outcome: 'paid' }).code).toBeUndefined();
    const payment = await portone.client.payment.getPayment({ paymentId });
    expect(payment.status === 'PAID' && [payment.amount.paid, payment.orderName]).toEqual([8_800, '콘서트 1석']);
  });

  it('redirects with code and message on a decline, and refuses an amount unlike the pre-registered one', async () => {
    const paymentId = nextPaymentId();
    await portone.client.payment.preRegisterPayment({ paymentId, totalAmount: 12_000, currency: 'KRW' });
    const declined = await fetch(portone.checkoutPageUrl(paymentId, { totalAmount: 12_000, redirectUrl: 'http://localhost:3000/done' }), {
      method: 'POST',
      body: new URLSearchParams({ method: 'card', outcome: 'declined' }),
      redirect: 'manual',
    });
    const location = new URL(declined.headers.get('location')!);
    expect(location.searchParams.get('code')).toBe('FAILURE_TYPE_PG');
    expect(location.searchParams.get('message')).toContain('CARD_DECLINED');
    const tampered = await fetch(portone.checkoutPageUrl(paymentId, { totalAmount: 10, redirectUrl: 'http://localhost:3000/done' }), { redirect: 'manual' });
    expect(new URL(tampered.headers.get('location')!).searchParams.get('code')).toBe('PORTONE_ERROR');
  });

  it('drives the same actions and faults over /__stand-in/*', async () => {
    const post = (path: string, body: unknown) => fetch(`${portone.url}${path}`, { method: 'POST', body: JSON.stringify(body) }).then(async (r) => [r.status, await r.json()]);
    expect(await post('/__stand-in/faults', { declineAll: true })).toEqual([200, expect.objectContaining({ declineAll: true })]);
    expect(await post('/__stand-in/faults', { declineAll: 'yes' })).toEqual([400, expect.objectContaining({ type: 'INVALID_REQUEST' })]);
    await post('/__stand-in/faults', { declineAll: false });
    const paymentId = nextPaymentId();
    const [status, result] = await post(`/__stand-in/payments/${paymentId}/pay`, { method: 'virtual_account', outcome: 'paid', request: { totalAmount: 3_000 } });
    expect([status, result.code]).toEqual([200, undefined]);
    expect(await post(`/__stand-in/payments/${paymentId}/deposit`, {})).toEqual([200, expect.objectContaining({ status: 'PAID' })]);
    const deliveries = (await (await fetch(`${portone.url}/__stand-in/deliveries?paymentId=${paymentId}`)).json()) as Array<{ type: string }>;
    expect(deliveries.map((d) => d.type)).toEqual(['Transaction.Ready', 'Transaction.VirtualAccountIssued', 'Transaction.Paid']);
  });

  it('lets the demo deposit and switch faults from the console page', async () => {
    const paymentId = nextPaymentId();
    portone.control.pay(paymentId, { method: 'virtual_account', outcome: 'paid', request: { totalAmount: 4_000 } });
    const page = await (await fetch(`${portone.url}/__stand-in/`)).text();
    expect(page).toContain(`data-testid="deposit-${paymentId}"`);
    const deposited = await fetch(`${portone.url}/__stand-in/console/payments/${paymentId}/deposit`, { method: 'POST', redirect: 'manual' });
    expect([deposited.status, portone.control.payment(paymentId).status]).toEqual([303, 'PAID']);
    await fetch(`${portone.url}/__stand-in/console/faults`, { method: 'POST', body: new URLSearchParams({ webhookLost: 'on', tamperAmount: '500' }), redirect: 'manual' });
    expect(portone.control.faults()).toMatchObject({ webhookLost: true, tamperAmount: 500, declineAll: false });
  });
});
