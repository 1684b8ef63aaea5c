// Waiting-room benchmark (issue 7). Loopback only, bounded in count and time; every figure sits
// beside a ceiling measured in the same run:
//  - join and status through the worker API vs a bare Fastify route returning a constant
//    (server in a child process, load from this one);
//  - Redis memory per waiting user (INFO used_memory delta over N joins on a private redis-server);
//  - status latency at 1,000 vs 1,000,000 waiting users (bulk-loaded with pipelined ZADD, the
//    two rooms polled alternately so machine noise hits both alike).
// Targets: API ≥ 50 % of its ceiling; p99 at 1M within 20 % of p99 at 1K; ≤ 200 B per user.
// The Next gateway comparison is not measured here (see the closing note of issue 7).
import { fork } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { createRedis, type Redis } from '../lib/redis/create-redis';
import { getQueueStatus } from '../lib/queue/get-queue-status';
import { joinQueue } from '../lib/queue/join-queue';
import { queueKeys } from '../lib/queue/queue-keys';
import { syncRoomSettings } from '../lib/queue/sync-room-settings';
import type { Db } from '../lib/db/create-prisma';
import { spawnRedisServer } from '../test/support/spawn-redis-server';

const REDIS_PORT = Number(process.env.BENCH_REDIS_PORT ?? 3401);
const API_PORT = Number(process.env.BENCH_API_PORT ?? 3402);
const CEILING_PORT = Number(process.env.BENCH_CEILING_PORT ?? 3403);
const DURATION_MS = Number(process.env.BENCH_DURATION_MS ?? 4_000);
const CONCURRENCY = 32;
const BIG = Number(process.env.BENCH_BIG_QUEUE ?? 1_000_000);
const MEMORY_USERS = 100_000;
const TOKEN = 'bench-internal-token-0123456789abcdef';

type Load = { requests: number; errors: number; rps: number; p50Ms: number; p99Ms: number };

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}
const round = (n: number, d = 3) => Math.round(n * 10 ** d) / 10 ** d;

/** Closed-loop load: CONCURRENCY keep-alive connections, each sending its next request on the last answer. */
async function load(port: number, request: (i: number) => { method: string; path: string; headers?: Record<string, string> }, durationMs = DURATION_MS): Promise<Load> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies: number[] = [];
  let errors = 0;
  let counter = 0;
  const end = performance.now() + durationMs;
  const one = () =>
    new Promise<void>((resolve) => {
      const spec = request(counter++);
      const start = performance.now();
      const req = http.request({ host: '127.0.0.1', port, method: spec.method, path: spec.path, headers: spec.headers, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - start);
          if (res.statusCode !== 200) errors++;
          resolve();
        });
      });
      req.on('error', () => (errors++, resolve()));
      req.end();
    });
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => { while (performance.now() < end) await one(); }));
  const elapsed = performance.now() - started;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { requests: latencies.length, errors, rps: Math.round(latencies.length / (elapsed / 1000)), p50Ms: round(percentile(latencies, 50)), p99Ms: round(percentile(latencies, 99)) };
}

async function usedMemory(redis: Redis): Promise<number> {
  const info = await redis.info('memory');
  return Number(/used_memory:(\d+)/.exec(info)![1]);
}

function room(performanceId: string) {
  return {
    performanceId,
    mode: 'ON' as const,
    paused: true,
    admitPerMinute: 600,
    maxActive: 1000,
    activeSessionSeconds: 600,
    idleTimeoutSeconds: 3600,
    preQueueMinutes: 0,
    opensAt: new Date(Date.now() - 60_000),
  };
}

/** Bulk-loads n waiting users as the join script would leave them (FIFO scores, seq counter). */
async function fill(redis: Redis, performanceId: string, n: number): Promise<string[]> {
  const k = queueKeys(performanceId);
  const OPEN_BASE = 2 ** 52;
  const sample: string[] = [];
  const deadline = Date.now() + 120_000;
  for (let from = 0; from < n; from += 10_000) {
    if (Date.now() > deadline) throw new Error('bulk load exceeded 120 s');
    const pipeline = redis.pipeline();
    for (let b = from; b < Math.min(n, from + 10_000); b += 1_000) {
      const args: Array<string | number> = [];
      for (let i = b; i < Math.min(n, b + 1_000); i++) {
        const user = randomUUID();
        args.push(OPEN_BASE + i + 1, user);
        if (i % Math.max(1, Math.floor(n / 1_000)) === 0) sample.push(user);
      }
      pipeline.zadd(k.queue, ...args);
    }
    await pipeline.exec();
  }
  await redis.hset(k.meta, 'seq', n);
  return sample;
}

async function statusLatency(redis: Redis, rooms: Array<{ id: string; users: string[] }>, calls: number) {
  const samples = rooms.map(() => [] as number[]);
  for (let c = 0; c < calls; c++) {
    for (const [r, room] of rooms.entries()) {
      const userId = room.users[randomInt(room.users.length)]!;
      const start = performance.now();
      await getQueueStatus(redis, { performanceId: room.id, userId, nowMs: Date.now() });
      samples[r]!.push(performance.now() - start);
    }
  }
  return samples.map((s) => {
    s.sort((a, b) => a - b);
    return { p50Ms: round(percentile(s, 50)), p99Ms: round(percentile(s, 99)) };
  });
}

export async function run(): Promise<Record<string, unknown>> {
  const redisServer = await spawnRedisServer(REDIS_PORT);
  const redis = createRedis({ url: redisServer.url });
  const child = fork(new URL('./queue-bench-server.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    env: {
      ...process.env,
      REDIS_URL: redisServer.url,
      DATABASE_URL: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres',
      INTERNAL_API_TOKEN: TOKEN,
      BENCH_API_PORT: String(API_PORT),
      BENCH_CEILING_PORT: String(CEILING_PORT),
    },
    stdio: 'inherit',
  });
  try {
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`bench server exited ${code}`)));
    });

    // 1. Worker API vs its ceiling. Rooms are paused so the queue only grows.
    const apiRoom = randomUUID();
    await syncRoomSettings(redis, room(apiRoom));
    const headers = (user: string) => ({ authorization: `Bearer ${TOKEN}`, 'x-user-id': user });
    // Warm both servers (JIT, sockets, script cache) before anything is measured.
    await load(CEILING_PORT, () => ({ method: 'GET', path: '/v1/constant' }), 1_500);
    await load(API_PORT, (i) => ({ method: 'POST', path: `/v1/queue/${apiRoom}/join`, headers: headers(`warm-${i}`) }), 1_500);
    await load(API_PORT, (i) => ({ method: 'GET', path: `/v1/queue/${apiRoom}/status`, headers: headers(`warm-${i % 500}`) }), 1_500);
    const ceilingGet = await load(CEILING_PORT, () => ({ method: 'GET', path: '/v1/constant' }));
    const ceilingPost = await load(CEILING_PORT, () => ({ method: 'POST', path: '/v1/constant' }));
    // For context: the worker API's own constant route (/health/live) — the same app with its
    // hooks (request id, metrics histogram) — separates framework setup cost from the queue's.
    const apiConstant = await load(API_PORT, () => ({ method: 'GET', path: '/health/live' }));
    const joins = await load(API_PORT, (i) => ({ method: 'POST', path: `/v1/queue/${apiRoom}/join`, headers: headers(`user-${i}`) }));
    const joined = joins.requests;
    const statuses = await load(API_PORT, (i) => ({ method: 'GET', path: `/v1/queue/${apiRoom}/status`, headers: headers(`user-${(i * 7919) % joined}`) }));

    // 2. Redis memory per waiting user: N joins through the join script on an otherwise idle server.
    const memoryRoom = randomUUID();
    await syncRoomSettings(redis, room(memoryRoom));
    const before = await usedMemory(redis);
    const noDb = {} as Db;
    for (let i = 0; i < MEMORY_USERS; i += 1_000) {
      await Promise.all(Array.from({ length: 1_000 }, () => joinQueue({ redis, db: noDb }, { performanceId: memoryRoom, userId: randomUUID() })));
    }
    const after = await usedMemory(redis);
    const k = queueKeys(memoryRoom);
    const queueKeyBytes = Number(await redis.call('MEMORY', 'USAGE', k.queue, 'SAMPLES', '0'));

    // 3. Status latency at 1K vs 1M waiting (direct script calls, alternating rooms).
    const small = randomUUID();
    const big = randomUUID();
    await syncRoomSettings(redis, room(small));
    await syncRoomSettings(redis, room(big));
    const fillStart = performance.now();
    const smallUsers = await fill(redis, small, 1_000);
    const bigUsers = await fill(redis, big, BIG);
    const fillSeconds = round((performance.now() - fillStart) / 1000, 1);
    await statusLatency(redis, [{ id: small, users: smallUsers }, { id: big, users: bigUsers }], 2_000); // warm-up
    const [at1k, at1m] = await statusLatency(redis, [{ id: small, users: smallUsers }, { id: big, users: bigUsers }], 20_000);

    const perUser = (after - before) / MEMORY_USERS;
    const joinRatio = joins.rps / ceilingPost.rps;
    const statusRatio = statuses.rps / ceilingGet.rps;
    const p99Ratio = at1m!.p99Ms / at1k!.p99Ms;
    return {
      workerApi: {
        ceilingGet,
        ceilingPost,
        apiConstant,
        join: joins,
        status: statuses,
        joinOfCeiling: round(joinRatio),
        statusOfCeiling: round(statusRatio),
        statusOfApiConstant: round(statuses.rps / apiConstant.rps),
        targetMet: joinRatio >= 0.5 && statusRatio >= 0.5,
      },
      nextGateway: { measured: false, note: 'not measured by this bench (needs next build + next start; see the issue-7 closing note)' },
      redisMemory: {
        users: MEMORY_USERS,
        usedMemoryDeltaBytes: after - before,
        bytesPerWaitingUser: round(perUser, 1),
        queueKeyBytesPerUser: round(queueKeyBytes / MEMORY_USERS, 1),
        targetMet: perUser <= 200,
      },
      statusLatency: {
        waitingSmall: 1_000,
        waitingBig: BIG,
        bulkLoadSeconds: fillSeconds,
        at1k,
        at1m,
        p99Ratio: round(p99Ratio),
        targetMet: p99Ratio <= 1.2,
      },
    };
  } finally {
    child.send('stop');
    await new Promise((resolve) => child.once('exit', resolve));
    await redis.quit();
    await redisServer.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((result) => console.log(JSON.stringify(result, null, 2)));
}
