// npm run bench -- settle
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
import { requirePaymentDeps } from '../workers/runtime/payment-deps';
import { percentile } from './support/closed-loop-load';
import type { BenchContext } from './run';
import { BENCH_SECRETS } from './support/bench-secrets';

const FANS = 1_000;
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
  const portone = await startPortOneStandIn({ apiSecret: 'bench-api-secret-0123456789', storeId: 'store-bench', webhookSecrets: [webhookSecret], retryDelaysMs: [200, 400, 800] });
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
  const deps = requirePaymentDeps(ctx);
  try {
    // ── The reservation path, timed: each fan holds one seat and reserves it. ─────────────────
    const fixture = await createPerformanceFixture(db, { rows: 20, seatsPerRow: 50, prices: { R: 66_000 } });
    const users = await createUsers(db, FANS);
    const holdDeps = { db, redis, holdSeconds: 3_600 };
    const reservationMs: number[] = [];
    const reservations = await mapLimit(users, SETUP_CONCURRENCY, async (userId, i) => {
      const seat = fixture.ordinals[Math.floor(i / 50)]![i % 50]!;
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
    await mapLimit(checkouts, BROWSERS, ({ userId, checkout }) => withRetries(() => completePayment(deps, { userId, paymentId: checkout.paymentId })));
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
      reservationPath: { samples: reservationMs.length, p50Ms: round(percentile(reservationMs, 50)), p99Ms: round(percentile(reservationMs, 99)) },
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
