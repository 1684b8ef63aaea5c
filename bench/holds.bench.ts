// Seat holds and reservations (issue 8). Loopback only, bounded in count; every figure sits
// beside a baseline measured in the same run:
//  - holds/s and p99 through the worker API vs the raw EVALSHA rate of the same hold script from
//    this process, without contention (every hold takes a fresh seat) and under contention (2,000
//    users racing for 100 seats; most are refused), in three rounds (median ratio), each beside a
//    bare Fastify route: the ceiling any route reaches here with this load generator. One API
//    process by default; BENCH_HOLDS_API_PROCESSES=N runs N, as the ECS service runs 1-vCPU tasks,
//    with the load generator's connections spread over them as the ALB spreads them over tasks
//    (the bare route likewise). On the 2-core bench machine two processes measured no better:
//    each spent more CPU per hold (fewer requests per wake-up), and the reservation and
//    best-available phases slowed;
//  - reservations committed per second on one performance through the worker API;
//  - best-available (자동배정), raw EVALSHA and through the worker API, beside each round's
//    uncontended manual holds.
// Targets: API ≥ 30 % of raw EVALSHA; ≥ 1,000 reservations/s on one performance; best-available
// through the API ≥ 80 % of a manual hold's rate.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from '../lib/db/apply-migrations';
import { resolveEntryTokenKeys } from '../lib/entry-token/resolve-entry-token-keys';
import { signEntryToken } from '../lib/entry-token/sign-entry-token';
import { createPrisma, type Db } from '../lib/db/create-prisma';
import { ensureGradeRows } from '../lib/holds/ensure-grade-rows';
import { runBestAvailableScript } from '../lib/holds/hold-best-available';
import { runHoldScript } from '../lib/holds/hold-scripts';
import { entryCheckOf } from '../lib/holds/entry-check-of';
import { loadPerformanceSeats } from '../lib/holds/load-performance-seats';
import { createRedis } from '../lib/redis/create-redis';
import { rebuildSeatStates } from '../lib/seat-map/rebuild-seat-states';
import { createPerformanceFixture, createUsers } from '../test/support/performance-fixture';
import { spawnRedisServer } from '../test/support/spawn-redis-server';
import type { BenchContext } from './run';
import { closedLoop, httpLoad, round, type LoadResult } from './support/closed-loop-load';
import { postgresPids, withCpuPerRequest } from './support/process-cpu';

const REDIS_PORT = Number(process.env.BENCH_HOLDS_REDIS_PORT ?? 3601);
// Ports from here up, one per process: the worker API's, then the bare route's.
const API_PORT = Number(process.env.BENCH_HOLDS_API_PORT ?? 3610);
const BARE_PORT = Number(process.env.BENCH_HOLDS_BARE_PORT ?? 3620);
const PROCESSES = Number(process.env.BENCH_HOLDS_API_PROCESSES ?? 1);
const API_PORTS = Array.from({ length: PROCESSES }, (_, k) => API_PORT + k);
const BARE_PORTS = Array.from({ length: PROCESSES }, (_, k) => BARE_PORT + k);
const TOKEN = 'bench-internal-token-0123456789abcdef';
const ENTRY_TOKEN_SECRET = 'bench-entry-token-secret-0123456789abcdef';
const CONCURRENCY = 32;
const HOLD_SECONDS = 420;

async function createDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `openseat_bench_holds_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await applyMigrations({ databaseUrl: url.toString(), migrationsDir: 'prisma/migrations' });
  return {
    url: url.toString(),
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function startWorkerApi(databaseUrl: string, redisUrl: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts', '--role=api'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, INTERNAL_API_TOKEN: TOKEN, ENTRY_TOKEN_SECRET, WORKER_PORT: String(port), WORKER_HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_POOL_SIZE: '20', SEAT_HOLD_SECONDS: String(HOLD_SECONDS) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (await fetch(`http://127.0.0.1:${port}/health/ready`).then((r) => r.ok, () => false)) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill('SIGKILL');
  throw new Error('worker API did not start');
}

/** A bare Fastify route in a child process shaped like the worker API's: the ceiling. */
async function startBareFastify(port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/support/bare-fastify-server.ts'], {
    env: { ...process.env, BENCH_BARE_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  await new Promise<void>((resolve, reject) => {
    child.once('message', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare Fastify exited with ${code}`)));
  });
  return child;
}

type Round = { bareFastify: LoadResult; rawEvalsha: LoadResult; workerApi: LoadResult };
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** What the gateway forwards for an admitted fan: caller headers and the entry token for the performance. */
const entryTokens = new Map<string, string>();
async function admit(userIds: string[], performanceIds: string[]) {
  const keys = resolveEntryTokenKeys({ ENTRY_TOKEN_SECRET });
  for (const performanceId of performanceIds) {
    for (const userId of userIds) {
      entryTokens.set(`${userId}/${performanceId}`, await signEntryToken(keys, { userId, performanceId, admittedUntilMs: Date.now() + 3_600_000 }));
    }
  }
}
const headersFor = (userId: string, performanceId: string, extra: Record<string, string> = {}) => ({
  authorization: `Bearer ${TOKEN}`,
  'x-user-id': userId,
  'x-user-role': 'USER',
  'x-entry-token': entryTokens.get(`${userId}/${performanceId}`)!,
  ...extra,
});

async function performanceOf(db: Db, rows: number, seatsPerRow: number, maxTicketsPerPerson: number) {
  const fixture = await createPerformanceFixture(db, { rows, seatsPerRow, maxTicketsPerPerson, gradeOfRow: (r) => (r < rows / 4 ? 'VIP' : 'R') });
  return fixture;
}

export async function run(ctx: BenchContext): Promise<Record<string, unknown>> {
  const database = await createDatabase(ctx.databaseServerUrl);
  const redisServer = await spawnRedisServer(REDIS_PORT);
  const db = createPrisma({ databaseUrl: database.url, poolSize: 20 });
  // The raw baseline's client without auto-pipelining: one closed-loop client that keeps Redis
  // busy runs faster when each EVALSHA leaves at once (measured 34-46k/s against 20-22k/s).
  const redis = createRedis({ url: redisServer.url, autoPipelining: false });
  const apis: ChildProcess[] = [];
  const bares: ChildProcess[] = [];
  try {
    const users = await createUsers(db, 5_000);
    // Raw and API each get a fresh 20,000-seat performance (no contention) and share nothing; a
    // 100-seat one per side to warm up on; one for reservations (contended rooms come per round).
    const [rawFree, apiFree, rawHot, apiHot, booking] = [
      await performanceOf(db, 200, 100, 4),
      await performanceOf(db, 200, 100, 4),
      await performanceOf(db, 1, 100, 4),
      await performanceOf(db, 1, 100, 4),
      await performanceOf(db, 200, 100, 4),
    ];
    // Every round's performances too, before anything is timed: 20,000-seat halls created between
    // rounds left PostgreSQL writing them out (checkpoint, autovacuum) on the cores the next round
    // was measured on. Per round and side a fresh 20,000-seat hall (uncontended and best-available)
    // and a fresh 100-seat room (contended).
    const ROUNDS = 3;
    const BEST_GRADE = 'R';
    const perRound = async (rows: number) => {
      const sides = [];
      for (let r = 0; r < ROUNDS; r++) sides.push({ raw: await performanceOf(db, rows, 100, 4), api: await performanceOf(db, rows, 100, 4) });
      return sides;
    };
    const halls = await perRound(200);
    const rooms = await perRound(1);
    for (const p of [rawFree, apiFree, rawHot, apiHot, booking, ...[...halls, ...rooms].flatMap((sides) => [sides.raw, sides.api])]) {
      await rebuildSeatStates(db, redis, p.performanceId);
    }
    for (const hall of halls) await ensureGradeRows(redis, await loadPerformanceSeats(db, hall.raw.performanceId), BEST_GRADE);
    await db.$executeRawUnsafe('VACUUM ANALYZE');
    await db.$executeRawUnsafe('CHECKPOINT');
    for (const port of API_PORTS) apis.push(await startWorkerApi(database.url, redisServer.url, port));
    for (const port of BARE_PORTS) bares.push(await startBareFastify(port));
    // Where each phase's CPU went, per request: this process is the load generator (or the raw client).
    const pidsOf = (children: ChildProcess[]) => children.map((c) => c.pid!);
    const cpu = {
      raw: { rawClient: [process.pid], redis: [redisServer.pid()!] },
      api: { loadGenerator: [process.pid], workerApi: pidsOf(apis), redis: [redisServer.pid()!] },
      bare: { loadGenerator: [process.pid], bareFastify: pidsOf(bares) },
      reservations: { loadGenerator: [process.pid], workerApi: pidsOf(apis), redis: [redisServer.pid()!], postgres: postgresPids },
    };
    await admit(users, [apiFree.performanceId, apiHot.performanceId, booking.performanceId, ...halls.map((h) => h.api.performanceId)]);
    await admit(users.slice(0, 2_000), rooms.map((r) => r.api.performanceId));

    const rawHold = async (performanceId: string, userId: string, seats: number[]) => {
      const now = Date.now();
      // The script exactly as the worker API runs it, entry-token check included.
      const entry = entryCheckOf(performanceId, { jti: `bench-${userId}` });
      const reply = (await runHoldScript(redis, 'holdSeats', performanceId, entry.keys, [userId, now, now + HOLD_SECONDS * 1000, 4, entry.jti, ...seats])) as number[];
      return reply[0] === 1 ? 'ok' : reply[0] === 0 ? 'taken' : 'limit';
    };
    const BEST_HOLDS = 4_500;
    const bestCount = (i: number) => 2 + (i % 3);
    const rawBestAvailable = async (performanceId: string, userId: string, count: number) => {
      const now = Date.now();
      const request = { userId, grade: BEST_GRADE, count, nowMs: now, expiresAtMs: now + HOLD_SECONDS * 1000, limit: 4 };
      const reply = (await runBestAvailableScript(redis, performanceId, request, { jti: `bench-${userId}` })) as number[];
      return reply[0] === 1 ? 'ok' : reply[0] === 0 ? 'sold_out' : `reply ${reply[0]}`;
    };
    const bestAvailableRequest = (performanceId: string, user: number, count: number) => ({
      method: 'POST',
      path: `/v1/performances/${performanceId}/holds/best-available`,
      headers: headersFor(users[user]!, performanceId),
      body: { grade: BEST_GRADE, count },
    });
    // Three rounds, each measuring the bare Fastify route, raw EVALSHA and the worker API back to
    // back; the ratios are the median round's (the machine is shared, and a neighbour's benchmark
    // landing on one phase would otherwise decide the figure).
    await closedLoop({ concurrency: CONCURRENCY, count: 2_000 }, (i) => rawHold(rawHot.performanceId, users[i % users.length]!, [i % 100])); // warm-up
    await httpLoad(API_PORTS, { concurrency: CONCURRENCY, count: 2_000, ok: (s) => s === 201 || s === 409 }, (i) => ({
      method: 'POST',
      path: `/v1/performances/${apiHot.performanceId}/holds`,
      headers: headersFor(users[i % users.length]!, apiHot.performanceId),
      body: { seats: [i % 100] },
    }));
    const bareRoute = (count: number) =>
      httpLoad(BARE_PORTS, { concurrency: CONCURRENCY, count }, (i) => ({
        method: 'POST',
        path: '/v1/constant',
        headers: headersFor(users[i % users.length]!, apiFree.performanceId),
        body: { seats: [i % 100] },
      }));
    await bareRoute(2_000); // warm-up
    // The 20,000-seat hall into each worker API process's cache before round 1 times it (the
    // best-available side warms each of its halls the same way): seat 19,999, which no round takes.
    await httpLoad(API_PORTS, { concurrency: PROCESSES, count: PROCESSES }, () => ({
      method: 'POST',
      path: `/v1/performances/${apiFree.performanceId}/holds`,
      headers: headersFor(users[users.length - 1]!, apiFree.performanceId),
      body: { seats: [19_999] },
    }));

    // Uncontended: in round r request i holds seat r·6,000 + i for user (r·6,000 + i) mod 5,000
    // (every seat fresh; each user ends with at most four seats of the 20,000).
    const FREE_HOLDS = 6_000;
    const uncontended: Round[] = [];
    // Best-available beside each round's manual holds, on the round's fresh 20,000-seat halls:
    // user i asks for 2-4 seats of grade R (15,000 seats) until 90 % of it is taken.
    const bestAvailable: { rawEvalsha: LoadResult; workerApi: LoadResult }[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const at = (i: number) => r * FREE_HOLDS + i;
      const { raw: rawHall, api: apiHall } = halls[r]!;
      // One request per process first loads the performance into its cache, as the manual side's warm-up did.
      await httpLoad(API_PORTS, { concurrency: PROCESSES, count: PROCESSES }, () => bestAvailableRequest(apiHall.performanceId, users.length - 1, 1));

      const bareFastify = await withCpuPerRequest(cpu.bare, () => bareRoute(FREE_HOLDS));
      const rawEvalsha = await withCpuPerRequest(cpu.raw, () =>
        closedLoop({ concurrency: CONCURRENCY, count: FREE_HOLDS }, (i) => rawHold(rawFree.performanceId, users[at(i) % users.length]!, [at(i)])),
      );
      const rawBest = await withCpuPerRequest(cpu.raw, () => closedLoop({ concurrency: CONCURRENCY, count: BEST_HOLDS }, (i) => rawBestAvailable(rawHall.performanceId, users[i]!, bestCount(i))));
      const workerApi = await withCpuPerRequest(cpu.api, () =>
        httpLoad(API_PORTS, { concurrency: CONCURRENCY, count: FREE_HOLDS, ok: (s) => s === 201 }, (i) => ({
          method: 'POST',
          path: `/v1/performances/${apiFree.performanceId}/holds`,
          headers: headersFor(users[at(i) % users.length]!, apiFree.performanceId),
          body: { seats: [at(i)] },
        })),
      );
      const apiBest = await withCpuPerRequest(cpu.api, () =>
        httpLoad(API_PORTS, { concurrency: CONCURRENCY, count: BEST_HOLDS, ok: (s) => s === 201 }, (i) => bestAvailableRequest(apiHall.performanceId, i, bestCount(i))),
      );
      uncontended.push({ bareFastify, rawEvalsha, workerApi });
      bestAvailable.push({ rawEvalsha: rawBest, workerApi: apiBest });
    }
    const bestOfManualRaw = median(bestAvailable.map((b, r) => b.rawEvalsha.rps / uncontended[r]!.rawEvalsha.rps));
    const bestOfManualApi = median(bestAvailable.map((b, r) => b.workerApi.rps / uncontended[r]!.workerApi.rps));

    // Contended: on the round's fresh 100-seat rooms; 2,000 users, 10,000 attempts at one or
    // two seats of it (most are refused).
    const HOT_ATTEMPTS = 10_000;
    const pick = (i: number) => {
      const first = (i * 7919) % 100;
      return i % 3 === 0 ? [first, (first + 1) % 100] : [first];
    };
    const contended: Round[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const { raw: rawRoom, api: apiRoom } = rooms[r]!;
      const bareFastify = await withCpuPerRequest(cpu.bare, () => bareRoute(HOT_ATTEMPTS));
      const rawEvalsha = await withCpuPerRequest(cpu.raw, () =>
        closedLoop({ concurrency: CONCURRENCY, count: HOT_ATTEMPTS }, (i) => rawHold(rawRoom.performanceId, users[i % 2_000]!, pick(i))),
      );
      const workerApi = await withCpuPerRequest(cpu.api, () =>
        httpLoad(API_PORTS, { concurrency: CONCURRENCY, count: HOT_ATTEMPTS, ok: (s) => s === 201 || s === 409 || s === 422 }, (i) => ({
          method: 'POST',
          path: `/v1/performances/${apiRoom.performanceId}/holds`,
          headers: headersFor(users[i % 2_000]!, apiRoom.performanceId),
          body: { seats: pick(i) },
        })),
      );
      contended.push({ bareFastify, rawEvalsha, workerApi });
    }
    const apiOfRawUncontended = median(uncontended.map((r) => r.workerApi.rps / r.rawEvalsha.rps));
    const apiOfRawContended = median(contended.map((r) => r.workerApi.rps / r.rawEvalsha.rps));

    // Reservations: 5,000 users each hold four seats of one performance, then all reserve.
    const bookingSeats = await loadPerformanceSeats(db, booking.performanceId);
    await closedLoop({ concurrency: CONCURRENCY, count: users.length }, (i) =>
      rawHold(booking.performanceId, users[i]!, [0, 1, 2, 3].map((k) => bookingSeats.seatsByOrdinal[4 * i + k]!.ordinal)),
    );
    const reservations = await withCpuPerRequest(cpu.reservations, () =>
      httpLoad(API_PORTS, { concurrency: CONCURRENCY, count: users.length, ok: (s) => s === 201 }, (i) => ({
        method: 'POST',
        path: `/v1/performances/${booking.performanceId}/reservations`,
        headers: headersFor(users[i]!, booking.performanceId, { 'idempotency-key': randomUUID() }),
        body: { seats: [4 * i, 4 * i + 1, 4 * i + 2, 4 * i + 3] },
      })),
    );
    const committed = await db.reservation.count({ where: { performanceId: booking.performanceId, status: 'PENDING' } });

    return {
      concurrency: CONCURRENCY,
      apiProcesses: PROCESSES,
      // The ceiling for any route on this machine with this load generator: a bare Fastify route.
      ceiling: {
        bareOfRawUncontended: round(median(uncontended.map((r) => r.bareFastify.rps / r.rawEvalsha.rps))),
        bareOfRawContended: round(median(contended.map((r) => r.bareFastify.rps / r.rawEvalsha.rps))),
        apiOfBareUncontended: round(median(uncontended.map((r) => r.workerApi.rps / r.bareFastify.rps))),
        apiOfBareContended: round(median(contended.map((r) => r.workerApi.rps / r.bareFastify.rps))),
      },
      uncontended: { rounds: uncontended, apiOfRaw: round(apiOfRawUncontended) },
      contended: { rounds: contended, apiOfRaw: round(apiOfRawContended) },
      reservations: { ...reservations, committed, perSecond: reservations.rps },
      // 자동배정 on a fresh 20,000-seat hall filled to 90 % of a grade, beside the same round's
      // uncontended manual holds (one seat each); ratios are best-available ÷ manual hold.
      bestAvailable: { rounds: bestAvailable, ofManualRaw: round(bestOfManualRaw), ofManualApi: round(bestOfManualApi) },
      targets: {
        holdsAtLeast30PercentOfRawUncontended: apiOfRawUncontended >= 0.3,
        holdsAtLeast30PercentOfRawContended: apiOfRawContended >= 0.3,
        atLeast1000ReservationsPerSecond: reservations.rps >= 1_000 && committed === users.length,
        bestAvailableAtLeast80PercentOfManualApi: bestOfManualApi >= 0.8,
      },
    };
  } finally {
    for (const child of [...apis, ...bares]) child.kill('SIGTERM');
    redis.disconnect();
    await db.$disconnect();
    await redisServer.stop();
    await database.drop();
  }
}
