// The reservations role as a real worker process (workers/main.ts, with the relay, in-process
// transport): SIGKILLed while it is between a reservation's commit and that reservation's Redis
// update, then restarted, it leaves a seat map that matches PostgreSQL.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { holdSeats } from '../../lib/holds/hold-seats';
import { seatHoldKeys } from '../../lib/holds/seat-hold-keys';
import { createRedis, type Redis } from '../../lib/redis/create-redis';
import { commitReservation } from '../../lib/reservations/commit-reservation';
import { createReservation } from '../../lib/reservations/create-reservation';
import { markReservationsEnded } from '../../lib/reservations/end-reservations';
import { loadSeatStatesFromDatabase } from '../../lib/seat-map/load-seat-states-from-database';
import { seatStateKey } from '../../lib/seat-map/seat-state-key';
import { freePort } from '../../scripts/embedded/free-port';
import { createPerformanceFixture, createUsers } from '../../test/support/performance-fixture';
import { spawnRedisServer, type RedisProcess } from '../../test/support/spawn-redis-server';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { TEST_PORTONE_SETTINGS, TEST_SECRETS } from '../../test/support/test-secrets';

let database: TestDatabase;
// A Redis of its own: the worker writes unprefixed keys, and the test pauses its writes.
let redisServer: RedisProcess;
let redis: Redis;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  redisServer = await spawnRedisServer(await freePort());
  redis = createRedis({ url: redisServer.url });
}, 30_000);
afterAll(async () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
  await redis?.quit();
  await redisServer?.stop();
  await database?.drop();
});

/** workers/main.ts with the reservations and relay roles; resolves once every role has started. */
async function startWorker(): Promise<ChildProcess> {
  const worker = spawn(process.execPath, ['--import', 'tsx', 'workers/main.ts'], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      WORKER_ROLE: 'reservations,relay',
      // Its liveness probe on any free port: other test files run workers beside it.
      WORKER_PORT: '0',
      DATABASE_URL: database.url,
      REDIS_URL: redisServer.url,
      ...TEST_SECRETS,
      ...TEST_PORTONE_SETTINGS,
      // A killed relay's lease runs out quickly, so the restarted one claims the events again.
      RELAY_LEASE_MS: '2000',
      RELAY_POLL_MS: '100',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  workers.push(worker);
  let output = '';
  worker.stdout!.setEncoding('utf8');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start: ${output.slice(-2_000)}`)), 30_000);
    worker.stdout!.on('data', (chunk: string) => {
      output += chunk;
      if (output.includes('worker fleet started')) {
        clearTimeout(timer);
        resolve();
      }
    });
    worker.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${output.slice(-2_000)}`)));
  });
  return worker;
}

async function kill(worker: ChildProcess) {
  const exited = once(worker, 'exit');
  worker.kill('SIGKILL');
  await exited;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

describe('the reservations role', () => {
  it('leaves a seat map that matches PostgreSQL within seconds of a restart after a SIGKILL between commits and their Redis updates', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 8 });
    const [alice, bob] = await createUsers(database.db, 2);
    const deps = { db: database.db, redis, holdSeconds: 420 };
    const mapInRedis = async () => (await redis.getBuffer(seatStateKey(fixture.performanceId)))!;
    const mapInPostgres = async () => Buffer.from((await loadSeatStatesFromDatabase(database.db, fixture.performanceId)).bytes);

    // bob's reservation is on the map, then cancelled in PostgreSQL by a writer that died before its Redis step.
    await holdSeats(deps, fixture.performanceId, bob!, { seats: [4, 5] });
    const { reservation: bobs } = await createReservation(deps, bob!, randomUUID(), { performanceId: fixture.performanceId, seats: [4, 5] });
    await database.db.$transaction((tx) => markReservationsEnded(tx, [{ id: bobs.id, userId: bob!, performanceId: fixture.performanceId }], { status: 'CANCELLED', reason: 'user' }, new Date()));
    // alice's reservation commits in PostgreSQL; the writer died before turning her holds into it.
    await holdSeats(deps, fixture.performanceId, alice!, { seats: [1, 2] });
    await commitReservation(deps, alice!, randomUUID(), { performanceId: fixture.performanceId, seats: [1, 2] });
    const stale = await mapInRedis();
    expect(stale.equals(await mapInPostgres())).toBe(false);

    // Redis takes no writes while the worker picks the events up: it is killed before it can make the update.
    const pending = await database.db.outboxEvent.findMany({ where: { publishedAt: null }, select: { id: true, type: true }, orderBy: { seq: 'asc' } });
    expect(pending.map((e) => e.type)).toEqual(['reservation.created', 'reservation.cancelled', 'reservation.created']);
    await redis.call('CLIENT', 'PAUSE', '60000', 'WRITE');
    try {
      const first = await startWorker();
      // Its consumer has read PostgreSQL inside its transaction and waits on Redis: exactly between the two.
      await waitFor(
        'the worker to wait on Redis inside its consumer transaction',
        async () => {
          const [row] = await database.db.$queryRaw<[{ waiting: number }]>`
            SELECT count(*)::int AS waiting FROM pg_stat_activity
             WHERE datname = current_database() AND state = 'idle in transaction' AND query LIKE '%LEFT JOIN ticket.reservation_items l%'`;
          return row.waiting > 0;
        },
        30_000,
      );
      await kill(first);
      expect((await mapInRedis()).equals(stale)).toBe(true);
    } finally {
      await redis.call('CLIENT', 'UNPAUSE');
    }
    // Nothing of the dead worker's lands afterwards: only a restart can fix the map.
    await sleep(1_000);
    expect((await mapInRedis()).equals(stale)).toBe(true);
    expect(await database.db.outboxEvent.count({ where: { id: { in: pending.map((p) => p.id) }, publishedAt: null } })).toBe(pending.length);

    const second = await startWorker();
    try {
      await waitFor('the map to match PostgreSQL', async () => (await mapInRedis()).equals(await mapInPostgres()), 15_000);
      const keys = seatHoldKeys(fixture.performanceId);
      expect(await redis.hlen(keys.holds)).toBe(0);
      expect(await redis.hgetall(keys.counts)).toEqual({ [alice!]: '2', [bob!]: '0' });
    } finally {
      await kill(second);
    }
  }, 120_000);

  it('keeps a reservation event while Redis is down instead of dead-lettering it, and handles it once Redis is back', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const [carol] = await createUsers(database.db, 1);
    await holdSeats({ db: database.db, redis, holdSeconds: 420 }, fixture.performanceId, carol!, { seats: [0] });
    const { reservation } = await createReservation({ db: database.db, redis }, carol!, randomUUID(), { performanceId: fixture.performanceId, seats: [0] });
    const processed = (eventId: string) => database.db.$queryRaw<{ event_id: string }[]>`
      SELECT event_id::text FROM common.processed_events WHERE consumer_group = 'reservations' AND event_id = ${eventId}::uuid`;
    const worker = await startWorker();
    let redisDown = false;
    try {
      const created = await database.db.outboxEvent.findFirstOrThrow({ where: { aggregateId: reservation.id, type: 'reservation.created' } });
      await waitFor('reservation.created to be handled', async () => (await processed(created.id)).length === 1, 15_000);

      await redisServer.stop();
      redisDown = true;
      await database.db.$transaction((tx) => markReservationsEnded(tx, [{ id: reservation.id, userId: carol!, performanceId: fixture.performanceId }], { status: 'CANCELLED', reason: 'user' }, new Date()));
      const cancelled = await database.db.outboxEvent.findFirstOrThrow({ where: { aggregateId: reservation.id, type: 'reservation.cancelled' } });
      // Each delivery runs the handler up to the catalog's three attempts; after that it would have
      // been dead-lettered and the delivery would have succeeded. Instead the consumer hands the
      // event back, and the relay counts a failed delivery, twice.
      await waitFor(
        'two failed deliveries of reservation.cancelled',
        async () => (await database.db.outboxEvent.findUniqueOrThrow({ where: { id: cancelled.id } })).attempts >= 2 || (await database.db.deadLetter.count()) > 0,
        30_000,
      );
      expect((await database.db.outboxEvent.findUniqueOrThrow({ where: { id: cancelled.id } })).lastError).toContain('max retries per request');
      expect(await database.db.deadLetter.count()).toBe(0);
      expect(await processed(cancelled.id)).toEqual([]);

      await redisServer.start();
      redisDown = false;
      await waitFor('reservation.cancelled to be handled', async () => (await processed(cancelled.id)).length === 1, 30_000);
      expect(await database.db.deadLetter.count()).toBe(0);
    } finally {
      await kill(worker);
      if (redisDown) await redisServer.start();
    }
  }, 120_000);
});
