// Seat-map availability for the 5,248-seat arena: bytes on the wire and server time (p50/p95)
// of GET /v1/performances/:id/availability (Redis bitmap) against a baseline served from
// PostgreSQL without any cache in the same run: the same 2-bit payload rebuilt by the same
// query on every request, and the naive per-seat JSON list an API without the bitmap would send.
// Targets: ≤ 20 KB on the wire, p95 ≤ 20 ms.
//
// Uses the runner's PostgreSQL server and Redis (a fresh database and a key prefix of its own,
// both removed afterwards); run alone, DATABASE_URL / REDIS_URL or embedded servers. Bounded: 600 timed requests per case.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import Fastify from 'fastify';
import pg from 'pg';
import { applyMigrations } from '../lib/db/apply-migrations';
import { createPrisma, type Db } from '../lib/db/create-prisma';
import { seedDemoData } from '../lib/demo/seed-demo-data';
import { createLogger } from '../lib/logging/create-logger';
import { createRedis } from '../lib/redis/create-redis';
import { loadSeatStatesFromDatabase } from '../lib/seat-map/load-seat-states-from-database';
import { startEmbeddedPostgres } from '../scripts/embedded/start-embedded-postgres';
import { startEmbeddedRedis } from '../scripts/embedded/start-embedded-redis';
import { buildApi } from '../workers/api/build-api';
import { loadWorkerConfig } from '../workers/config';
import { createMetricsRegistry } from '../workers/runtime/metrics';
import { BENCH_SECRETS } from './support/bench-secrets';

const WARMUP = 50;
const TIMED = 600;
const SOLD_SHARE = 0.3;
const TOKEN = BENCH_SECRETS.INTERNAL_API_TOKEN;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round = (n: number, digits = 3) => Number(n.toFixed(digits));

async function adminQuery(serverUrl: string, sql: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function sellSeats(db: Db, performanceId: string, hallId: string, share: number) {
  const user = await db.user.findFirstOrThrow({ where: { email: 'fan@openseat.dev' } });
  const seats = await db.seat.findMany({ where: { hallId }, select: { id: true, grade: true } });
  const sold = seats.filter((_, i) => (i * 7919) % 100 < share * 100);
  await db.reservation.create({
    data: {
      userId: user.id,
      performanceId,
      status: 'CONFIRMED',
      totalKrw: sold.length * 100_000,
      paymentDeadline: new Date(),
      items: { createMany: { data: sold.map((s) => ({ performanceId, seatId: s.id, grade: s.grade, priceKrw: 100_000 })) } },
    },
  });
  return sold.length;
}

async function measure(label: string, request: () => Promise<{ body: string | Buffer }>) {
  for (let i = 0; i < WARMUP; i++) await request();
  const times: number[] = [];
  let body: string | Buffer = '';
  for (let i = 0; i < TIMED; i++) {
    const started = process.hrtime.bigint();
    body = (await request()).body;
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  times.sort((a, b) => a - b);
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return { label, bytes: raw.length, gzipBytes: gzipSync(raw).length, p50Ms: round(percentile(times, 50)), p95Ms: round(percentile(times, 95)), requests: TIMED };
}

export async function run(ctx: { databaseServerUrl?: string; redisUrl?: string } = {}): Promise<Record<string, unknown>> {
  const cleanups: (() => Promise<void>)[] = [];
  try {
    // PostgreSQL: a throwaway database on the given server, or an embedded server.
    let serverUrl = ctx.databaseServerUrl ?? process.env.DATABASE_URL;
    if (!serverUrl) {
      const dataDir = await mkdtemp(path.join(process.cwd(), '.data-bench-'));
      const embedded = await startEmbeddedPostgres({ dataDir, persistent: false });
      cleanups.push(async () => (await embedded.stop(), await rm(dataDir, { recursive: true, force: true })));
      serverUrl = embedded.serverUrl;
    }
    const name = `openseat_bench_${randomBytes(4).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE "${name}"`);
    cleanups.push(() => adminQuery(serverUrl!, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    await applyMigrations({ databaseUrl: url.toString(), migrationsDir: path.join(process.cwd(), 'prisma/migrations') });
    const db = createPrisma({ databaseUrl: url.toString() });
    cleanups.push(() => db.$disconnect());

    let redisUrl = ctx.redisUrl ?? process.env.REDIS_URL;
    if (!redisUrl) {
      const embedded = await startEmbeddedRedis();
      cleanups.push(() => embedded.stop());
      redisUrl = embedded.url;
    }
    const prefix = `bench:${randomBytes(4).toString('hex')}:`;
    const redis = createRedis({ url: redisUrl, keyPrefix: prefix });
    cleanups.push(async () => {
      const keys = await redis.keys('*'); // ioredis does not prefix KEYS patterns: filter by hand
      const own = keys.filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
      if (own.length) await redis.del(...own);
      await redis.quit();
    });

    await seedDemoData(db, redis);
    const performance = await db.performance.findFirstOrThrow({ where: { hall: { name: 'Main Arena' } }, orderBy: { startsAt: 'asc' }, include: { hall: true } });
    const soldSeats = await sellSeats(db, performance.id, performance.hallId, SOLD_SHARE);

    const config = loadWorkerConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', DATABASE_URL: url.toString(), REDIS_URL: redisUrl, ...BENCH_SECRETS });
    const api = buildApi({ config, logger: createLogger({ name: 'bench', level: 'silent' }), db, redis, metrics: createMetricsRegistry({ service: 'bench' }) });
    cleanups.push(() => api.close());
    const headers = { authorization: `Bearer ${TOKEN}` };

    // The baseline: identical payload, but computed from PostgreSQL on every request.
    const baseline = Fastify();
    baseline.get('/bitmap/:id', async (request) => {
      const { bytes } = await loadSeatStatesFromDatabase(db, (request.params as { id: string }).id);
      return { performanceId: performance.id, encoding: 'u2', state: Buffer.from(bytes).toString('base64') };
    });
    baseline.get('/naive/:id', async (request) => {
      const id = (request.params as { id: string }).id;
      return {
        seats: await db.$queryRaw`
          SELECT s.id, s.ordinal, CASE WHEN ri.id IS NULL THEN 'available' ELSE 'sold' END AS status
          FROM ticket.seats s
          JOIN ticket.performances p ON p.hall_id = s.hall_id AND p.id = ${id}::uuid
          LEFT JOIN ticket.reservation_items ri ON ri.seat_id = s.id AND ri.performance_id = p.id AND ri.live
          ORDER BY s.ordinal`,
      };
    });
    cleanups.push(() => baseline.close());

    const cached = await measure('redis bitmap (GET /v1/performances/:id/availability)', () =>
      api.inject({ method: 'GET', url: `/v1/performances/${performance.id}/availability`, headers }).then((r) => ({ body: r.rawPayload })),
    );
    const fromDatabase = await measure('same bitmap from PostgreSQL, no cache', () => baseline.inject({ method: 'GET', url: `/bitmap/${performance.id}` }).then((r) => ({ body: r.rawPayload })));
    const naive = await measure('per-seat JSON from PostgreSQL, no cache', () => baseline.inject({ method: 'GET', url: `/naive/${performance.id}` }).then((r) => ({ body: r.rawPayload })));
    const staticMap = await api.inject({ method: 'GET', url: `/v1/halls/${performance.hallId}/seat-map?v=${performance.hall.seatMapVersion}`, headers });

    return {
      seats: performance.hall.seatCount,
      soldSeats,
      availability: cached,
      baselineSameQueryFromPostgres: fromDatabase,
      baselineNaiveJson: naive,
      p95SpeedupVsPostgres: round(fromDatabase.p95Ms / cached.p95Ms, 1),
      bytesVsNaiveJson: round(naive.bytes / cached.bytes, 1),
      staticMapOnce: { bytes: staticMap.rawPayload.length, gzipBytes: gzipSync(staticMap.rawPayload).length, cacheControl: staticMap.headers['cache-control'] },
      targets: { maxBytes: 20_480, maxP95Ms: 20, bytesMet: cached.bytes <= 20_480, p95Met: cached.p95Ms <= 20 },
      host: { cpus: os.cpus().length, node: process.version },
    };
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((result) => console.log(JSON.stringify(result, null, 2)), (error) => (console.error(error), process.exit(1)));
}
