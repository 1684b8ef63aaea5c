// The hold, queue and rate-limit scripts, unchanged, on a real three-master Redis Cluster (the
// shape ElastiCache takes in cluster mode). Every script's keys carry one hash tag, so each
// call lands on one shard; a script that touched two slots would fail here with CROSSSLOT.
import { randomUUID } from 'node:crypto';
import type { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerformanceFixture, createUsers } from '../../test/support/performance-fixture';
import { startRedisCluster, type RedisCluster } from '../../test/support/start-redis-cluster';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import type { Db } from '../db/create-prisma';
import { expireDueHolds } from '../holds/expire-due-holds';
import { holdBestAvailable } from '../holds/hold-best-available';
import { runHoldScript } from '../holds/hold-scripts';
import { entryCheckOf } from '../holds/entry-check-of';
import { holdSeats } from '../holds/hold-seats';
import { listHeldSeats } from '../holds/list-held-seats';
import { releaseHeldSeats } from '../holds/release-held-seats';
import { seatHoldKeys } from '../holds/seat-hold-keys';
import { syncReservedSeats } from '../holds/sync-reserved-seats';
import { admitNext } from '../queue/admit-next';
import { getQueueStatus } from '../queue/get-queue-status';
import { joinQueue } from '../queue/join-queue';
import { leaveQueue } from '../queue/leave-queue';
import { queueKeys } from '../queue/queue-keys';
import { sendHeartbeat } from '../queue/send-heartbeat';
import { syncRoomSettings } from '../queue/sync-room-settings';
import { consumeRateLimit } from '../rate-limit/consume-rate-limit';
import type { Redis } from './create-redis';
import { redisScript, runRedisScript } from './redis-script';

let cluster: RedisCluster;
let client: Cluster;
// The domain functions type their client as ioredis's Redis; every command they send (EVALSHA,
// EVAL, HGETALL, SADD, …) exists on Cluster with the same signature, routed by the first key.
let redis: Redis;
let database: TestDatabase;

beforeAll(async () => {
  [cluster, database] = await Promise.all([startRedisCluster(), createTestDatabase()]);
  client = cluster.connect();
  redis = client as unknown as Redis;
});
afterAll(async () => {
  await client?.quit();
  await cluster?.stop();
  await database?.drop();
});

const OPEN = Date.parse('2026-12-01T11:00:00Z');
const ROOM = {
  mode: 'SCHEDULED',
  paused: false,
  admitPerMinute: 600,
  maxActive: 1_000,
  activeSessionSeconds: 600,
  idleTimeoutSeconds: 3_600,
  preQueueMinutes: 30,
  opensAt: new Date(OPEN),
} as const;

describe('Lua scripts on a three-node Redis Cluster', () => {
  it('runs every seat-hold script: hold, best available, held-until, sync reserved seats, release, expire', async () => {
    // Row 1 is VIP (held by hand below), row 2 is R (best available picks there).
    const fixture = await createPerformanceFixture(database.db, { rows: 2, seatsPerRow: 6, maxTicketsPerPerson: 4, gradeOfRow: (r) => (r === 0 ? 'VIP' : 'R') });
    const [alice, bob, carol] = await createUsers(database.db, 3);
    const start = Date.now();
    const deps = { db: database.db, redis, holdSeconds: 60, now: () => new Date(start) };
    const [a1, a2, a3, a4] = fixture.ordinals[0]!;

    const held = await holdSeats(deps, fixture.performanceId, alice!, { seats: [a1!, a2!] });
    expect(held.seats.map((s) => s.ordinal)).toEqual([a1, a2]);
    const best = await holdBestAvailable(deps, fixture.performanceId, bob!, { grade: 'R', count: 2 });
    expect(best.seats).toHaveLength(2);
    expect((await listHeldSeats(deps, fixture.performanceId, alice!))?.seats.map((s) => s.ordinal)).toEqual([a1, a2]);

    const check = entryCheckOf(fixture.performanceId, undefined);
    const [status] = (await runHoldScript(redis, 'heldUntil', fixture.performanceId, check.keys, [alice!, start, check.jti, a1!, a2!])) as number[];
    expect(status).toBeGreaterThanOrEqual(0);
    // alice's seats sold to her reservation, then freed when it ends; a3 sold to someone else's.
    const owner = { reservationId: randomUUID(), userId: alice! };
    expect(await syncReservedSeats(redis, fixture.performanceId, owner, [{ ordinal: a1!, live: owner }, { ordinal: a2!, live: owner }])).toBeGreaterThan(0);
    expect(await syncReservedSeats(redis, fixture.performanceId, owner, [{ ordinal: a1!, live: null }, { ordinal: a2!, live: null }])).toBeGreaterThan(0);
    await syncReservedSeats(redis, fixture.performanceId, null, [{ ordinal: a3!, live: { reservationId: randomUUID(), userId: bob! } }]);

    await holdSeats(deps, fixture.performanceId, carol!, { seats: [a4!] });
    expect((await releaseHeldSeats(deps, fixture.performanceId, carol!, { seats: [a4!] })).released).toEqual([a4]);
    // bob's two seats are the only holds left; they expire a minute after `start`.
    expect(await expireDueHolds(redis, start + 61_000)).toBe(2);
  });

  it('runs every waiting-room script: join, status, heartbeat, admit, leave', async () => {
    const performanceId = randomUUID();
    await syncRoomSettings(redis, { ...ROOM, performanceId });
    // Joins read their room from Redis (synced above), never from PostgreSQL.
    const deps = { redis, db: {} as Db, now: () => OPEN + 1_000 };
    const first = await joinQueue(deps, { performanceId, userId: 'first' });
    const second = await joinQueue(deps, { performanceId, userId: 'second' });
    expect([first.state, second.state]).toEqual(['waiting', 'waiting']);
    expect(await getQueueStatus(redis, { performanceId, userId: 'second', nowMs: OPEN + 2_000 })).toMatchObject({ state: 'waiting', position: 2 });
    expect(await sendHeartbeat(redis, { performanceId, userId: 'second', nowMs: OPEN + 2_000 })).toBe('waiting');
    // The token bucket fills from the first tick on: a few simulated seconds admit both.
    const admitted: string[] = [];
    for (let s = 3; s < 10 && admitted.length < 2; s++) admitted.push(...(await admitNext(redis, { performanceId, nowMs: OPEN + s * 1_000 })).admittedUsers);
    expect(admitted).toEqual(['first', 'second']);
    expect(await leaveQueue(redis, { performanceId, userId: 'first' })).toBe('left_active');
  });

  it('runs the rate-limit script', async () => {
    const subject = `ip:${randomUUID()}`;
    for (let i = 0; i < 20; i++) expect(await consumeRateLimit(redis, { category: 'AUTH', subject })).toMatchObject({ remaining: 19 - i });
    await expect(consumeRateLimit(redis, { category: 'AUTH', subject })).rejects.toMatchObject({ code: 'rate_limited' });
  });

  it('puts every key of one performance in one slot, and different performances on different shards', async () => {
    const performances = Array.from({ length: 12 }, () => randomUUID());
    for (const performanceId of performances) {
      const hold = seatHoldKeys(performanceId);
      const keys = [
        ...Object.values(queueKeys(performanceId)),
        hold.state, hold.holds, hold.expiry, hold.counts, hold.byUser, hold.owners, ...hold.entryCheck,
        hold.gradeRows('R'), hold.gradeRoom('R'), hold.gradeRoomSeen('R'), hold.gradeRoomRuns('R'),
      ];
      const slots = await Promise.all(keys.map((key) => client.cluster('KEYSLOT', key)));
      expect(new Set(slots).size, performanceId).toBe(1);
      await syncRoomSettings(redis, { ...ROOM, performanceId });
    }
    const perNode = await Promise.all(client.nodes('master').map((node) => node.dbsize()));
    expect(perNode.filter((keys) => keys > 0).length).toBeGreaterThanOrEqual(2);
  });

  it('refuses a script whose keys share no hash tag (the failure the tags prevent)', async () => {
    // ioredis refuses it before sending when it auto-pipelines; Redis answers CROSSSLOT otherwise.
    const twoSlots = redisScript(() => "return redis.call('MSET', KEYS[1], 1, KEYS[2], 2)");
    await expect(runRedisScript(redis, twoSlots, [`{${randomUUID()}}:a`, `{${randomUUID()}}:b`], [])).rejects.toThrow(/CROSSSLOT|should belong to the same slot/);
  });
});
