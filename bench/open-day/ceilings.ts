// The ceilings each endpoint's throughput is divided by, measured in the same run on the same
// machine (closed loop, 32 connections, a few seconds each, before the fans arrive):
//  - nextConstant: the waiting-room status route without a queue ticket, which answers the
//    constant {state:'none'} through the gateway wrapper inside the production Next servers
//    (every web instance, the connections spread over them);
//  - nextToWorkerConstant: GET /api/reservations with a session through as many more `next start`
//    of the same build, whose worker is a bare Fastify server answering a constant: the full
//    gateway chain (cookie → JWT → rate limit → forward) with a worker that does no work;
//  - rawStatusEvalsha / rawHoldEvalsha: the waiting room's status script and the seat-hold script
//    by EVALSHA from this process, without HTTP, on a room and a hall of their own.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db/create-prisma';
import { entryCheckOf } from '../../lib/holds/entry-check-of';
import { runHoldScript } from '../../lib/holds/hold-scripts';
import { joinQueue } from '../../lib/queue/join-queue';
import { queueKeys } from '../../lib/queue/queue-keys';
import { runQueueScript } from '../../lib/queue/queue-scripts';
import { createRedis, type Redis } from '../../lib/redis/create-redis';
import { rebuildSeatStates } from '../../lib/seat-map/rebuild-seat-states';
import { closedLoop, httpLoad, type LoadResult } from '../support/closed-loop-load';
import type { Platform } from './platform';
import { createSale, SESSION_COOKIE, type SimUser } from './seed-sale';

export type Ceilings = { nextConstant: LoadResult; nextToWorkerConstant: LoadResult; rawStatusEvalsha: LoadResult; rawHoldEvalsha: LoadResult };

const CONCURRENCY = 32;

async function startConstantPath(platform: Platform, ports: { web: number[]; worker: number }) {
  const worker = fork('bench/open-day/constant-worker.ts', [String(ports.worker)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('exit', (code) => reject(new Error(`constant worker exited with ${code}`)));
  });
  const webs = ports.web.map((port) =>
    fork('node_modules/next/dist/bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], {
      env: platform.webEnv(`http://127.0.0.1:${ports.worker}`),
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    }),
  );
  const deadline = Date.now() + 240_000;
  for (const [i, port] of ports.web.entries()) {
    while (!(await fetch(`http://127.0.0.1:${port}/api/events`).then((r) => r.status < 500, () => false))) {
      if (Date.now() > deadline || webs[i]!.exitCode !== null) throw new Error('the ceiling Next server did not start');
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return {
    stop: async () => {
      for (const child of [...webs, worker]) {
        if (child.exitCode !== null) continue;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export async function measureCeilings(
  platform: Platform,
  db: Db,
  saleRedis: Redis,
  users: SimUser[],
  options: { durationMs: number; ceilingPorts: { web: number[]; worker: number }; nowMs: number },
): Promise<Ceilings> {
  const duration = options.durationMs;
  const scratch = await createSale(db, saleRedis, { opensAtMs: options.nowMs + 30 * 60_000, admitPerMinute: 1, maxActive: 1, nowMs: options.nowMs });
  const ip = (i: number) => `2001:db8:ffff:${(i & 0xffff).toString(16)}::1`;

  const webPorts = platform.options.ports.web;
  await httpLoad(webPorts, { concurrency: CONCURRENCY, count: 500 }, () => ({ method: 'GET', path: `/api/queue/${scratch.performanceId}/status` }));
  const nextConstant = await httpLoad(webPorts, { concurrency: CONCURRENCY, durationMs: duration }, () => ({ method: 'GET', path: `/api/queue/${scratch.performanceId}/status` }));

  const constantPath = await startConstantPath(platform, options.ceilingPorts);
  let nextToWorkerConstant: LoadResult;
  try {
    const forwarded = (i: number) => ({ method: 'GET', path: '/api/reservations', headers: { cookie: `${SESSION_COOKIE}=${users[i % users.length]!.cookie}`, 'x-forwarded-for': ip(i) } });
    await httpLoad(options.ceilingPorts.web, { concurrency: CONCURRENCY, count: 500 }, forwarded);
    nextToWorkerConstant = await httpLoad(options.ceilingPorts.web, { concurrency: CONCURRENCY, durationMs: duration }, forwarded);
  } finally {
    await constantPath.stop();
  }

  // Raw scripts, with a client of their own without auto-pipelining (bench/holds.bench.ts: a
  // closed loop runs faster when each EVALSHA leaves at once).
  const redis = createRedis({ url: platform.redisUrl, autoPipelining: false });
  try {
    const queued = Array.from({ length: 2_000 }, () => randomUUID());
    for (const userId of queued) await joinQueue({ redis, db }, { performanceId: scratch.performanceId, userId });
    const k = queueKeys(scratch.performanceId);
    const rawStatusEvalsha = await closedLoop({ concurrency: CONCURRENCY, durationMs: duration }, async (i) => {
      await runQueueScript(redis, 'status', [k.queue, k.active, k.meta, k.seenPrefix, k.gone], [queued[i % queued.length]!, Date.now(), '']);
      return 'ok';
    });
    await rebuildSeatStates(db, redis, scratch.performanceId);
    const entry = entryCheckOf(scratch.performanceId, { jti: 'bench-ceiling' });
    // Every hold takes a fresh seat for a fresh user (4 seats a person); past the hall it is refused, which costs the same script.
    const rawHoldEvalsha = await closedLoop({ concurrency: CONCURRENCY, durationMs: duration }, async (i) => {
      const now = Date.now();
      const reply = (await runHoldScript(redis, 'holdSeats', scratch.performanceId, entry.keys, [`ceiling-${i}`, now, now + 600_000, 4, entry.jti, i % scratch.hallSeats])) as number[];
      return reply[0] === 1 || reply[0] === 0 ? 'ok' : `reply ${reply[0]}`;
    });
    return { nextConstant, nextToWorkerConstant, rawStatusEvalsha, rawHoldEvalsha };
  } finally {
    redis.disconnect();
  }
}
