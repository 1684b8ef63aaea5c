// npm run bench -- settle [--fans=N]   (1,000 by default: the figure the README reports)
// 1,000 fans pay at the PortOne stand-in at once; for each payment the signed webhook (through a
// real worker API) and the browser's completion call race into settlePayment. The result must be
// exactly 1,000 CONFIRMED reservations, one payment row per reservation, one `payment.settled`
// per payment and nothing cancelled at PortOne (no double capture). Latency: PAID at PortOne (the
// webhook leaves then) → reservation CONFIRMED (settle, outbox, relay, the reservations consumer), beside the
// reservation path's own latency (hold + reserve) measured on the same machine in the same run.
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { applyMigrations } from '../lib/db/apply-migrations';
import { createPrisma } from '../lib/db/create-prisma';
import { holdSeats } from '../lib/holds/hold-seats';
import { createLogger } from '../lib/logging/create-logger';
import { completePayment } from '../lib/payments/complete-payment';
import { createCheckout } from '../lib/payments/create-checkout';
import { createRedis } from '../lib/redis/create-redis';
import { createReservation } from '../lib/reservations/create-reservation';
import { startPortOneStandIn } from '../stand-ins/portone/start-portone-stand-in';
import { createPerformanceFixture, createUsers } from '../test/support/performance-fixture';
import { buildApi } from '../workers/api/build-api';
import { loadWorkerConfig } from '../workers/config';
import { paymentsRole } from '../workers/roles/payments';
import { relayRole } from '../workers/roles/relay';
import { reservationsRole } from '../workers/roles/reservations';
import type { WorkerContext } from '../workers/runtime/context';
import { createMetricsRegistry } from '../workers/runtime/metrics';
import { paymentDeps } from '../workers/runtime/payment-deps';
import { percentile } from './support/closed-loop-load';
import type { BenchContext } from './run';
import { BENCH_SECRETS } from './support/bench-secrets';

const FANS = fansFlag(process.argv) ?? 1_000;
const SEATS_PER_ROW = 50;
// In-flight calls at once while setting up (reservations, checkouts): a sale's opening burst on a 2-core machine.
const SETUP_CONCURRENCY = 20;
// Browsers coming back from PortOne's window at once; the 1,000 webhooks arrive unbounded beside them.
const BROWSERS = 200;

export async function run({ databaseServerUrl, redisUrl }: BenchContext) {
  const name = `bench_settle_${Date.now()}`;
  const admin = new pg.Client({ connectionString: databaseServerUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(databaseServerUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  await applyMigrations({ databaseUrl, migrationsDir: path.resolve('prisma/migrations') });
  const webhookSecret = `whsec_${Buffer.from(`bench-settle-${Date.now()}`.padEnd(32, '.')).toString('base64')}`;
  // PortOne's retry schedule (1, 4, 16, 64 minutes) in seconds: a delivery that timed out in the
  // burst (10 s per attempt) arrives later, as PortOne's would, and its settle finds the work done.
  const portone = await startPortOneStandIn({ apiSecret: 'bench-api-secret-0123456789', storeId: 'store-bench', webhookSecrets: [webhookSecret], retryDelaysMs: [1_000, 4_000, 16_000, 64_000] });
  const db = createPrisma({ databaseUrl, poolSize: 40 });
  const redis = createRedis({ url: redisUrl });
  const ctx: WorkerContext = {
    config: loadWorkerConfig({
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      ...BENCH_SECRETS,
      LOG_LEVEL: 'error',
      PORTONE_API_URL: portone.url,
      PORTONE_STORE_ID: portone.storeId,
      PORTONE_CHANNEL_KEY: 'channel-key-bench',
      PORTONE_API_SECRET: portone.apiSecret,
      PORTONE_WEBHOOK_SECRETS: webhookSecret,
      PORTONE_CHECKOUT_URL: `${portone.url}/checkout`,
      // A webhook whose settle failed after its 200 is settled again by the payments role.
      PAYMENT_WEBHOOK_RETRY_SECONDS: '1',
    }),
    logger: createLogger({ name: 'bench', level: 'error' }),
    db,
    redis,
    metrics: createMetricsRegistry({ service: 'bench' }),
  };
  const api = buildApi(ctx);
  await api.listen({ port: 0, host: '127.0.0.1' });
  portone.control.setWebhookUrl(`http://127.0.0.1:${(api.server.address() as AddressInfo).port}/webhooks/portone`);
  const roles = [await relayRole(ctx), await reservationsRole(ctx), await paymentsRole(ctx)];
  const deps = paymentDeps(ctx);
  try {
    // ── The reservation path, timed: each fan holds one seat and reserves it. ─────────────────
    const fixture = await createPerformanceFixture(db, { rows: Math.ceil(FANS / SEATS_PER_ROW), seatsPerRow: SEATS_PER_ROW, prices: { R: 66_000 } });
    const users = await createUsers(db, FANS);
    const holdDeps = { db, redis, holdSeconds: 3_600 };
    const reservationMs: number[] = [];
    const reservations = await mapLimit(users, SETUP_CONCURRENCY, async (userId, i) => {
      const seat = fixture.ordinals[Math.floor(i / SEATS_PER_ROW)]![i % SEATS_PER_ROW]!;
      const started = performance.now();
      await holdSeats(holdDeps, fixture.performanceId, userId, { seats: [seat] });
      const { reservation } = await createReservation(holdDeps, userId, `bench-${i}`, { performanceId: fixture.performanceId, seats: [seat] });
      reservationMs.push(performance.now() - started);
      return { userId, reservationId: reservation.id };
    });
    const checkouts = await mapLimit(reservations, SETUP_CONCURRENCY, (r) => createCheckout(deps, r).then((c) => ({ ...r, checkout: c })));

    // ── The race: every fan pays at once; webhook and browser completion settle each payment. ──
    const started = Date.now();
    for (const { checkout } of checkouts) {
      const { orderName, totalAmount, currency, customData } = checkout.request;
      portone.control.pay(checkout.paymentId, { method: 'card', outcome: 'paid', request: { orderName, totalAmount, currency, customData } });
    }
    const browserCalledAt = new Map<string, number>();
    await mapLimit(checkouts, BROWSERS, ({ userId, checkout }) => {
      browserCalledAt.set(checkout.paymentId, Date.now());
      return withRetries(() => completePayment(deps, { userId, paymentId: checkout.paymentId }));
    });
    const browsersDoneMs = Date.now() - started;
    const ids = reservations.map((r) => r.reservationId);
    let confirmed = 0;
    const waitUntil = Date.now() + 180_000;
    while (Date.now() < waitUntil) {
      confirmed = await db.reservation.count({ where: { id: { in: ids }, status: 'CONFIRMED' } });
      if (confirmed === FANS) break;
      await sleep(100);
    }
    const settledMs = Date.now() - started;
    await portone.control.webhooksSettled();

    // From the moment PortOne marked the payment PAID (the webhook leaves then) to CONFIRMED in
    // our database: settle (by whichever of webhook and browser came first), outbox, relay, consumer.
    const paidAt = new Map(checkouts.map((c) => [c.reservationId, Date.parse((portone.control.payment(c.checkout.paymentId) as { paidAt?: string }).paidAt ?? '')]));
    const confirmedRows = await db.reservation.findMany({ where: { id: { in: ids }, confirmedAt: { not: null } }, select: { id: true, confirmedAt: true } });
    const rows = confirmedRows.map((r) => ({ ms: r.confirmedAt!.getTime() - paidAt.get(r.id)! }));
    const paidToConfirmed = rows.map((r) => r.ms).sort((a, b) => a - b);
    reservationMs.sort((a, b) => a - b);
    // From the first settle request that reached us (the webhook's first stored delivery or the
    // browser's completion call, whichever came first) to CONFIRMED: our share of the latency,
    // without the time the burst queued inside PortOne's (the stand-in's) dispatcher.
    const firstPaidWebhook = await db.paymentWebhook.groupBy({
      by: ['portonePaymentId'],
      where: { type: 'Transaction.Paid', portonePaymentId: { in: checkouts.map((c) => c.checkout.paymentId) } },
      _min: { receivedAt: true },
    });
    const webhookAt = new Map(firstPaidWebhook.map((w) => [w.portonePaymentId!, w._min.receivedAt!.getTime()]));
    const confirmedAt = new Map(confirmedRows.map((r) => [r.id, r.confirmedAt!.getTime()]));
    const firstRequestToConfirmed = checkouts
      .filter((c) => confirmedAt.has(c.reservationId))
      .map((c) => confirmedAt.get(c.reservationId)! - Math.min(webhookAt.get(c.checkout.paymentId) ?? Infinity, browserCalledAt.get(c.checkout.paymentId)!))
      .sort((a, b) => a - b);
    const paidDeliveries = portone.control.deliveries().filter((d) => d.type === 'Transaction.Paid');
    const paymentRows = await db.payment.count({ where: { reservationId: { in: ids } } });
    const settledEvents = await db.outboxEvent.count({ where: { type: 'payment.settled' } });
    const confirmedEvents = await db.outboxEvent.count({ where: { type: 'reservation.confirmed' } });
    const atPortOne = checkouts.map((c) => portone.control.payment(c.checkout.paymentId));
    const captured = atPortOne.filter((p) => p.status === 'PAID').length;
    const cancelledAtPortOne = atPortOne.filter((p) => p.status === 'CANCELLED' || p.status === 'PARTIAL_CANCELLED').length;
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      loadAverage1m: round(os.loadavg()[0]!),
      cpus: os.cpus().length,
      fans: FANS,
      browsersInFlight: BROWSERS,
      databasePool: 40,
      confirmed,
      paymentRows,
      settledEvents,
      confirmedEvents,
      capturedAtPortOne: captured,
      cancelledAtPortOne,
      allConfirmedWithinMs: settledMs,
      browsersDoneMs,
      paidAtPortOneToConfirmed: { samples: paidToConfirmed.length, p50Ms: round(percentile(paidToConfirmed, 50)), p99Ms: round(percentile(paidToConfirmed, 99)) },
      firstRequestToConfirmed: { samples: firstRequestToConfirmed.length, p50Ms: round(percentile(firstRequestToConfirmed, 50)), p99Ms: round(percentile(firstRequestToConfirmed, 99)) },
      paidWebhooks: {
        // Stored (durable on our side) even when the answer came too late for the dispatcher's 10 s.
        stored: webhookAt.size,
        delivered: paidDeliveries.filter((d) => d.state === 'delivered').length,
        failed: paidDeliveries.filter((d) => d.state === 'failed').length,
        deliveredAfterRetry: paidDeliveries.filter((d) => d.state === 'delivered' && d.attempts.length > 1).length,
      },
      reservationPath: { samples: reservationMs.length, p50Ms: round(percentile(reservationMs, 50)), p99Ms: round(percentile(reservationMs, 99)) },
      paidToConfirmedP50OverReservationP50: round(percentile(paidToConfirmed, 50) / percentile(reservationMs, 50)),
      checks: {
        exactlyAllConfirmed: confirmed === FANS,
        onePaymentRowPerReservation: paymentRows === FANS,
        oneSettledEventPerPayment: settledEvents === FANS,
        noDoubleCapture: captured === FANS && cancelledAtPortOne === 0,
      },
    };
  } finally {
    for (const role of roles) await role.stop();
    await api.close();
    await portone.stop();
    await redis.quit();
    await db.$disconnect();
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/** `--fans=N`: fewer fans for a quick look on a busy machine. */
function fansFlag(argv: string[]): number | null {
  const value = argv.find((arg) => arg.startsWith('--fans='))?.slice('--fans='.length);
  if (value === undefined) return null;
  const fans = Number(value);
  if (!Number.isInteger(fans) || fans < 1) throw new Error(`--fans must be a positive whole number, not ${value}`);
  return fans;
}

/** The return page tries again when the call fails on the way (a reset connection under the burst). */
async function withRetries<T>(call: () => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await sleep(100 * attempt);
    }
  }
}

async function mapLimit<T, R>(items: T[], limit: number, job: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await job(items[index]!, index);
      }
    }),
  );
  return results;
}
