import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedis } from '../redis/create-redis';
import { encodeSeatStates } from '../seat-map/encode-seat-states';
import { SEAT_STATE, seatCountKey, seatStateKey } from '../seat-map/seat-state-key';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import type { Db } from '../db/create-prisma';
import { admitNext } from './admit-next';
import { getQueueStatus } from './get-queue-status';
import { joinQueue } from './join-queue';
import { leaveQueue } from './leave-queue';
import { queueKeys } from './queue-keys';
import type { RoomSettings } from './room-settings';
import { sendHeartbeat } from './send-heartbeat';
import { syncRoomSettings } from './sync-room-settings';

// These tests drive the Lua scripts on the real Redis with an injected clock. Rooms get their
// settings straight in Redis (syncRoomSettings), so joins never need PostgreSQL here.
let t: TestRedis;
const noDb = {} as Db;
beforeAll(() => {
  t = createTestRedis();
});
afterAll(async () => {
  await t.cleanup();
});

const OPEN = Date.parse('2026-12-01T11:00:00Z');

async function room(overrides: Partial<RoomSettings> = {}): Promise<RoomSettings> {
  const settings: RoomSettings = {
    performanceId: randomUUID(),
    mode: 'SCHEDULED',
    paused: false,
    admitPerMinute: 600,
    maxActive: 1_000_000,
    activeSessionSeconds: 600,
    idleTimeoutSeconds: 3600,
    preQueueMinutes: 30,
    opensAt: new Date(OPEN),
    ...overrides,
  };
  await syncRoomSettings(t.redis, settings);
  return settings;
}

const join = (performanceId: string, userId: string, nowMs: number) => joinQueue({ redis: t.redis, db: noDb, now: () => nowMs }, { performanceId, userId });

function inversions(order: number[]): number {
  let count = 0;
  for (let i = 0; i < order.length; i++) for (let j = i + 1; j < order.length; j++) if (order[i]! > order[j]!) count++;
  return count;
}

/** Admits everyone waiting, one simulated second per tick, and returns the admission order. */
async function admitAll(performanceId: string, fromMs: number): Promise<string[]> {
  const order: string[] = [];
  for (let now = fromMs; ; now += 1000) {
    const tick = await admitNext(t.redis, { performanceId, nowMs: now });
    order.push(...tick.admittedUsers);
    if (tick.waiting === 0) return order;
  }
}

describe('waiting room queue (Redis scripts)', () => {
  it('admits 10,000 joiners after the opening in exact arrival order (0 inversions)', async () => {
    const r = await room({ admitPerMinute: 60_000 });
    const users = Array.from({ length: 10_000 }, (_, i) => `u${i}`);
    const seqs: number[] = [];
    // Concurrent joins (ioredis pipelines them): arrival order is the order Redis ran them,
    // which the INCR sequence records; it must equal the admission order.
    for (let i = 0; i < users.length; i += 500) {
      const batch = await Promise.all(users.slice(i, i + 500).map((u, j) => join(r.performanceId, u, OPEN + 1 + i + j)));
      for (const result of batch) seqs.push(result.seq!);
    }
    expect(new Set(seqs).size).toBe(10_000);
    const seqOf = new Map(users.map((u, i) => [u, seqs[i]!]));
    const order = await admitAll(r.performanceId, OPEN + 20_000);
    expect(order).toHaveLength(10_000);
    expect(inversions(order.map((u) => seqOf.get(u)!))).toBe(0);
  });

  it('shuffles the pre-queue once at the opening: neither arrival order nor any fixed order survives', async () => {
    const n = 200;
    const users = Array.from({ length: n }, (_, i) => `pre${i}`);
    const rooms = [await room({ admitPerMinute: 60_000 }), await room({ admitPerMinute: 60_000 })];
    const orders: number[][] = [];
    for (const r of rooms) {
      for (const [i, u] of users.entries()) {
        const joined = await join(r.performanceId, u, OPEN - 10 * 60_000 + i);
        expect(joined).toMatchObject({ state: 'waiting', preQueue: true });
      }
      // Before the opening nobody has a place yet: the draw happens at the opening instant.
      expect(await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'pre0', nowMs: OPEN - 1 })).toMatchObject({ state: 'waiting', position: null });
      // Someone joining after the opening queues behind the whole pre-queue.
      await join(r.performanceId, 'late', OPEN + 5);
      const order = await admitAll(r.performanceId, OPEN);
      expect(order.at(-1)).toBe('late');
      orders.push(order.slice(0, n).map((u) => Number(u.slice(3))));
    }
    // Kendall inversions of a uniform permutation of 200: mean 9,950, sd ≈ 946. FIFO gives 0,
    // reversed 19,900; ±5 sd accepts a fair draw with probability > 0.999999.
    const mean = (n * (n - 1)) / 4;
    const sd = Math.sqrt((n * (n - 1) * (2 * n + 5)) / 72);
    for (const order of orders) expect(Math.abs(inversions(order) - mean)).toBeLessThan(5 * sd);
    // A fixed (deterministic) shuffle would give both rooms the same order for the same arrivals.
    const rankInSecond = new Map(orders[1]!.map((u, i) => [u, i]));
    expect(Math.abs(inversions(orders[0]!.map((u) => rankInSecond.get(u)!)) - mean)).toBeLessThan(5 * sd);
  });

  it('admits at the configured rate, within ±5% over 60 simulated seconds of irregular ticks', async () => {
    const r = await room({ admitPerMinute: 600 });
    await Promise.all(Array.from({ length: 2_000 }, (_, i) => join(r.performanceId, `r${i}`, OPEN + 1 + i)));
    let admitted = 0;
    let now = OPEN + 3_000;
    const end = now + 60_000;
    // Ticks every 0.5–1.5 s, as a loop under load would run them.
    await admitNext(t.redis, { performanceId: r.performanceId, nowMs: now });
    while (now < end) {
      now = Math.min(end, now + 500 + Math.floor(Math.random() * 1000));
      admitted += (await admitNext(t.redis, { performanceId: r.performanceId, nowMs: now })).admitted;
    }
    expect(admitted).toBeGreaterThanOrEqual(570);
    expect(admitted).toBeLessThanOrEqual(630);
    // The ETA a waiting user sees comes from the measured rate (10 s windows): about 600/min.
    const status = await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'r1999', nowMs: now });
    expect(status.state).toBe('waiting');
    if (status.state !== 'waiting') return;
    expect(status.admitPerMinute).toBeGreaterThan(500);
    expect(status.admitPerMinute).toBeLessThan(700);
    expect(status.position).toBe(2_000 - admitted);
    expect(status.etaSeconds).toBe(Math.ceil((status.position! / status.admitPerMinute) * 60));
  });

  it('never exceeds the active capacity or the rate with two admission processes racing', async () => {
    const r = await room({ admitPerMinute: 6_000, maxActive: 50, activeSessionSeconds: 30 });
    await Promise.all(Array.from({ length: 1_000 }, (_, i) => join(r.performanceId, `c${i}`, OPEN + 1 + i)));
    const other = createRedis({ url: t.url, keyPrefix: t.prefix });
    try {
      let now = OPEN + 2_000;
      let admittedTotal = 0;
      for (let round = 0; round < 60; round++) {
        now += 1000;
        const [a, b] = await Promise.all([
          admitNext(t.redis, { performanceId: r.performanceId, nowMs: now }),
          admitNext(other, { performanceId: r.performanceId, nowMs: now }),
        ]);
        admittedTotal += a.admitted + b.admitted;
        expect(Math.max(a.active, b.active)).toBeLessThanOrEqual(50);
        expect(await t.redis.zcard(queueKeys(r.performanceId).active)).toBeLessThanOrEqual(50);
        // The token bucket is shared: two processes together admit at most one tick's worth (100/s).
        expect(a.admitted + b.admitted).toBeLessThanOrEqual(100);
      }
      // Sessions of 30 s end and free their slots: about 50 per 30 s get in over 60 s.
      expect(admittedTotal).toBeGreaterThanOrEqual(100);
      expect(admittedTotal).toBeLessThanOrEqual(150);
    } finally {
      await other.quit();
    }
  });

  it('skips a waiting user whose heartbeat stopped and frees an idle admitted user’s slot', async () => {
    const r = await room({ admitPerMinute: 60, maxActive: 1, idleTimeoutSeconds: 60 });
    const a = await join(r.performanceId, 'stalled', OPEN + 1);
    await join(r.performanceId, 'polling', OPEN + 2);
    await join(r.performanceId, 'third', OPEN + 3);
    // 'polling' and 'third' keep polling; 'stalled' closed the tab.
    for (let s = 20; s <= 80; s += 20) {
      await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'polling', nowMs: OPEN + s * 1000 });
      await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'third', nowMs: OPEN + s * 1000 });
    }
    await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + 80_000 });
    const tick = await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + 81_000 });
    expect(tick).toMatchObject({ admitted: 1, skipped: 1, admittedUsers: ['polling'] });
    expect(await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'stalled', seq: a.seq, nowMs: OPEN + 82_000 })).toEqual({ state: 'expired' });
    expect(await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'third', nowMs: OPEN + 82_000 })).toMatchObject({ state: 'waiting', position: 1 });

    // 'polling' is admitted (capacity 1) and then goes silent: after the idle timeout its slot
    // goes to 'third', long before its 600 s session would have ended.
    for (let s = 90; s <= 140; s += 10) {
      await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'third', nowMs: OPEN + s * 1000 });
      const blocked = await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + s * 1000 });
      expect(blocked.admitted).toBe(0);
    }
    const freed = await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + 142_000 });
    expect(freed).toMatchObject({ expired: 1, admitted: 1, admittedUsers: ['third'] });
    expect(await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'polling', nowMs: OPEN + 143_000 })).toEqual({ state: 'none' });
  });

  it('keeps an admitted user whose heartbeats continue until the session ends', async () => {
    const r = await room({ admitPerMinute: 60, maxActive: 1, idleTimeoutSeconds: 60, activeSessionSeconds: 120 });
    await join(r.performanceId, 'fan', OPEN + 1);
    await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + 1_000 });
    const tick = await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + 2_000 });
    expect(tick.admittedUsers).toEqual(['fan']);
    for (let s = 30; s <= 120; s += 30) {
      expect(await sendHeartbeat(t.redis, { performanceId: r.performanceId, userId: 'fan', nowMs: OPEN + s * 1000 })).toBe('admitted');
      expect((await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + s * 1000 })).expired).toBe(0);
    }
    expect(await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'fan', nowMs: OPEN + 121_000 })).toMatchObject({ state: 'admitted', admittedUntil: OPEN + 122_000 });
    expect(await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'fan', nowMs: OPEN + 123_000 })).toEqual({ state: 'expired' });
    expect((await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + 123_000 })).expired).toBe(1);
  });

  it('keeps the first place when the same user joins again from another tab or device', async () => {
    const r = await room();
    const first = await join(r.performanceId, 'alice', OPEN + 1);
    await join(r.performanceId, 'bob', OPEN + 2);
    const again = await join(r.performanceId, 'alice', OPEN + 50);
    expect(again).toMatchObject({ state: 'waiting', seq: first.seq, status: { position: 1 } });
    expect(await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'alice', nowMs: OPEN + 60 })).toMatchObject({ position: 1, ahead: 0, waiting: 2 });
    expect(await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'bob', nowMs: OPEN + 60 })).toMatchObject({ position: 2, ahead: 1 });
    expect(await leaveQueue(t.redis, { performanceId: r.performanceId, userId: 'alice' })).toBe('left_queue');
    expect(await getQueueStatus(t.redis, { performanceId: r.performanceId, userId: 'bob', nowMs: OPEN + 70 })).toMatchObject({ position: 1 });
  });

  it('admits nobody while every seat is held or sold, tells the waiting fans, and goes on when a seat comes back', async () => {
    const r = await room({ admitPerMinute: 60_000 });
    const { performanceId } = r;
    for (const user of ['first', 'second']) await join(performanceId, user, OPEN + 1);
    // Five seats (the bitmap's last byte has three seats of padding, which read as free): two held, three sold.
    const taken = encodeSeatStates(5, [[0, SEAT_STATE.held], [1, SEAT_STATE.sold], [2, SEAT_STATE.sold], [3, SEAT_STATE.held], [4, SEAT_STATE.sold]]);
    await t.redis.set(seatCountKey(performanceId), '5');
    await t.redis.set(seatStateKey(performanceId), Buffer.from(taken));
    for (const s of [1, 2, 3]) expect((await admitNext(t.redis, { performanceId, nowMs: OPEN + s * 1000 })).admitted).toBe(0);
    expect(await getQueueStatus(t.redis, { performanceId, userId: 'first', nowMs: OPEN + 3_500 })).toMatchObject({ state: 'waiting', position: 1, allTaken: true });
    expect((await join(performanceId, 'late', OPEN + 3_600)).status).toMatchObject({ allTaken: true });

    // A hold ran out: seat 3 is free again, and the head of the queue goes in, one fan for one seat.
    await t.redis.setrange(seatStateKey(performanceId), 0, Buffer.from(encodeSeatStates(5, [[0, SEAT_STATE.held], [1, SEAT_STATE.sold], [2, SEAT_STATE.sold], [4, SEAT_STATE.sold]])));
    const tick = await admitNext(t.redis, { performanceId, nowMs: OPEN + 4_000 });
    expect(tick.admittedUsers).toEqual(['first']);
    expect(await getQueueStatus(t.redis, { performanceId, userId: 'first', nowMs: OPEN + 4_500 })).toMatchObject({ state: 'admitted' });
    expect(await getQueueStatus(t.redis, { performanceId, userId: 'second', nowMs: OPEN + 4_500 })).toMatchObject({ state: 'waiting', position: 1, allTaken: false });
  });

  it('tells each waiting fan when to ask again, from the place, the rate and the room’s idle timeout', async () => {
    const r = await room({ admitPerMinute: 60, idleTimeoutSeconds: 50 });
    for (let i = 0; i < 30; i++) await join(r.performanceId, `fan${i}`, OPEN + 1 + i);
    const status = (userId: string) => getQueueStatus(t.redis, { performanceId: r.performanceId, userId, nowMs: OPEN + 100 });
    expect(await status('fan0')).toMatchObject({ ahead: 0, etaSeconds: 1, pollAfterMs: 2_000 });
    expect(await status('fan19')).toMatchObject({ ahead: 19, etaSeconds: 20, pollAfterMs: 15_000 });
    // 30 s of wait, but a poll never waits longer than 50 s / 2.5.
    expect(await status('fan29')).toMatchObject({ ahead: 29, etaSeconds: 30, pollAfterMs: 20_000 });
    expect((await join(r.performanceId, 'late', OPEN + 200)).status).toMatchObject({ ahead: 30, pollAfterMs: 20_000 });
  });

  it('refuses joins before the pre-queue window of a scheduled room, and admits nobody while paused', async () => {
    const r = await room({ preQueueMinutes: 30 });
    await expect(join(r.performanceId, 'early', OPEN - 31 * 60_000)).rejects.toMatchObject({ code: 'conflict' });
    await syncRoomSettings(t.redis, { ...r, paused: true });
    await join(r.performanceId, 'x', OPEN + 1);
    for (let s = 1; s <= 5; s++) expect((await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + s * 1000 })).admitted).toBe(0);
    await syncRoomSettings(t.redis, { ...r, paused: false });
    // Tokens do not pile up while paused: the first tick after resuming admits one second's worth.
    expect((await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + 6_000 })).admittedUsers).toEqual(['x']);
  });

  it('lets everyone still waiting through when the admin switches the room OFF', async () => {
    const r = await room({ admitPerMinute: 1, maxActive: 1 });
    for (let i = 0; i < 5; i++) await join(r.performanceId, `off${i}`, OPEN + 1 + i);
    await syncRoomSettings(t.redis, { ...r, mode: 'OFF' });
    const tick = await admitNext(t.redis, { performanceId: r.performanceId, nowMs: OPEN + 1_000 });
    expect(tick.admittedUsers).toEqual(['off0', 'off1', 'off2', 'off3', 'off4']);
    expect(await join(r.performanceId, 'newcomer', OPEN + 2_000)).toMatchObject({ state: 'admitted' });
  });
});
