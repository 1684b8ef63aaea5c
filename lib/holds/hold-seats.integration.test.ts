import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { appErrorOf } from '../../test/support/app-error-of';
import { readSeatStates } from '../../test/support/seat-states';
import { createPerformanceFixture, createUsers } from '../../test/support/performance-fixture';
import { AppError } from '../errors/app-error';
import { rebuildSeatStates } from '../seat-map/rebuild-seat-states';
import { seatStateKey } from '../seat-map/seat-state-key';
import { ensureGradeRows, orderGradeRows } from './ensure-grade-rows';
import { expireDueHolds } from './expire-due-holds';
import { holdBestAvailable } from './hold-best-available';
import { holdSeats } from './hold-seats';
import { listHeldSeats } from './list-held-seats';
import { loadPerformanceSeats } from './load-performance-seats';
import { releaseHeldSeats } from './release-held-seats';
import { seatHoldKeys } from './seat-hold-keys';
import { syncReservedSeats, type SeatOwner } from './sync-reserved-seats';

let database: TestDatabase;
let testRedis: TestRedis;
beforeAll(async () => {
  database = await createTestDatabase();
  testRedis = createTestRedis();
});
afterAll(async () => {
  await testRedis.cleanup();
  await database.drop();
});

const deps = (now?: () => Date) => ({ db: database.db, redis: testRedis.redis, holdSeconds: 420, now });

const seatStates = (performanceId: string, count: number) => readSeatStates(testRedis.redis, performanceId, [...Array(count).keys()]);

// What a reservation's commit, its end, and PostgreSQL naming a seat taken do to the map.
const reserveOnMap = async (performanceId: string, userId: string, ordinals: number[]): Promise<SeatOwner> => {
  const owner = { reservationId: randomUUID(), userId };
  await syncReservedSeats(testRedis.redis, performanceId, owner, ordinals.map((ordinal) => ({ ordinal, live: owner })));
  return owner;
};
const endOnMap = (performanceId: string, owner: SeatOwner, ordinals: number[]) =>
  syncReservedSeats(testRedis.redis, performanceId, owner, ordinals.map((ordinal) => ({ ordinal, live: null })));
const markTakenOnMap = (performanceId: string, ordinals: number[]) =>
  syncReservedSeats(testRedis.redis, performanceId, null, ordinals.map((ordinal) => ({ ordinal, live: { reservationId: randomUUID(), userId: randomUUID() } })));

describe('holdSeats', () => {
  it('holds all requested seats or none, and names the seats that were taken', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const [alice, bob] = await createUsers(database.db, 2);
    const [s1, s2, s3] = fixture.ordinals[0]!;

    const held = await holdSeats(deps(), fixture.performanceId, alice!, { seats: [s1!, s2!] });
    expect(held.seats.map((s) => s.ordinal)).toEqual([s1, s2]);
    expect(held.totalKrw).toBe(200_000);

    const error = await appErrorOf(holdSeats(deps(), fixture.performanceId, bob!, { seats: [s2!, s3!] }));
    expect(error.code).toBe('conflict');
    expect(error.details?.seats).toEqual([{ id: fixture.seatIds[0]![1], ordinal: s2, label: 'A 1열 2번' }]);
    expect(await seatStates(fixture.performanceId, 4)).toEqual([1, 1, 0, 0]);
  });

  it('refuses to go over the per-person limit across holds', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 6, maxTicketsPerPerson: 4 });
    const [alice] = await createUsers(database.db, 1);
    const row = fixture.ordinals[0]!;
    await holdSeats(deps(), fixture.performanceId, alice!, { seats: row.slice(0, 3) });
    const error = await appErrorOf(holdSeats(deps(), fixture.performanceId, alice!, { seats: row.slice(3, 5) }));
    expect(error.code).toBe('unprocessable');
    expect(error.details).toMatchObject({ reason: 'limit_exceeded', limit: 4, alreadyHeld: 3 });
    // Re-holding a seat one already holds is free of charge.
    await holdSeats(deps(), fixture.performanceId, alice!, { seats: [row[0]!, row[3]!] });
    expect((await listHeldSeats(deps(), fixture.performanceId, alice!))!.seats).toHaveLength(4);
  });

  it('refuses seats the hall does not have, sales outside the window, and presale without a membership', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 2 });
    const presale = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 2, presale: true });
    const [alice] = await createUsers(database.db, 1);

    const missing = await appErrorOf(holdSeats(deps(), fixture.performanceId, alice!, { seats: [0, 2] }));
    expect(missing.code).toBe('validation_failed');
    expect(missing.details).toMatchObject({ field: 'seats', seats: [2] });

    const tooEarly = await appErrorOf(holdSeats(deps(() => new Date(Date.now() - 7_200_000)), fixture.performanceId, alice!, { seats: [fixture.ordinals[0]![0]!] }));
    expect(tooEarly.details?.reason).toBe('sale_not_open');

    const nonMember = await appErrorOf(holdSeats(deps(), presale.performanceId, alice!, { seats: [presale.ordinals[0]![0]!] }));
    expect(nonMember.details?.reason).toBe('membership_required');

    const plan = await database.db.membershipPlan.create({ data: { artistId: presale.artistId, name: 'Fan club', priceKrw: 30_000, durationDays: 365 } });
    await database.db.membership.create({
      data: { userId: alice!, artistId: presale.artistId, planId: plan.id, status: 'ACTIVE', startsAt: new Date(Date.now() - 1000), expiresAt: new Date(Date.now() + 86_400_000) },
    });
    const member = await holdSeats(deps(), presale.performanceId, alice!, { seats: [presale.ordinals[0]![0]!] });
    expect(member.seats).toHaveLength(1);
  });

  it('keeps every seat with at most one user, every user within the limit and every attempt whole under 2,000 concurrent attempts from 500 users on 100 seats', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 10, seatsPerRow: 10, maxTicketsPerPerson: 4 });
    const users = await createUsers(database.db, 500);
    const seats = fixture.ordinals.flat();
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const attempts = Array.from({ length: 2_000 }, () => {
      const userId = users[Math.floor(random() * users.length)]!;
      const start = Math.floor(random() * 98);
      return { userId, seatIds: seats.slice(start, start + 1 + Math.floor(random() * 3)) };
    });

    const results = await Promise.all(
      attempts.map((a) => holdSeats(deps(), fixture.performanceId, a.userId, { seats: a.seatIds }).then((r) => ({ ok: true as const, r }), (e: AppError) => ({ ok: false as const, e }))),
    );
    expect(results.filter((r) => !r.ok && !['conflict', 'unprocessable'].includes(r.e.code))).toEqual([]);

    const keys = seatHoldKeys(fixture.performanceId);
    const holds = await testRedis.redis.hgetall(keys.holds);
    const ownerOf = new Map(Object.entries(holds).map(([ordinal, entry]) => [seats[Number(ordinal)]!, entry.split('|')[0]!]));
    // All-or-nothing: every successful attempt's seats are all held by its user.
    results.forEach((result, i) => {
      if (result.ok) for (const id of attempts[i]!.seatIds) expect(ownerOf.get(id)).toBe(attempts[i]!.userId);
    });
    // Every held seat came from a successful attempt of its owner (nothing half-held by a refusal).
    const granted = new Set(results.flatMap((r, i) => (r.ok ? attempts[i]!.seatIds.map((id) => `${attempts[i]!.userId}/${id}`) : [])));
    for (const [seatId, owner] of ownerOf) expect(granted.has(`${owner}/${seatId}`)).toBe(true);
    // Nobody over the limit, and the counters agree with the holds.
    const perUser = new Map<string, number>();
    for (const owner of ownerOf.values()) perUser.set(owner, (perUser.get(owner) ?? 0) + 1);
    expect(Math.max(...perUser.values())).toBeLessThanOrEqual(4);
    const counts = await testRedis.redis.hgetall(keys.counts);
    for (const [user, n] of perUser) expect(Number(counts[user])).toBe(n);
    const states = await seatStates(fixture.performanceId, 100);
    expect(states.filter((s) => s === 1)).toHaveLength(ownerOf.size);
    expect(ownerOf.size).toBeGreaterThan(50);
  });

  it('lets a user release seats, and the sweeper frees expired holds so the seats return to the map', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const [alice, bob] = await createUsers(database.db, 2);
    const row = fixture.ordinals[0]!;
    const start = Date.now();
    await holdSeats({ ...deps(() => new Date(start)), holdSeconds: 60 }, fixture.performanceId, alice!, { seats: [row[0]!, row[1]!] });
    await holdSeats({ ...deps(() => new Date(start)), holdSeconds: 60 }, fixture.performanceId, bob!, { seats: [row[2]!] });

    const released = await releaseHeldSeats(deps(), fixture.performanceId, alice!, { seats: [row[1]!] });
    expect(released.released).toEqual([row[1]]);
    expect(await seatStates(fixture.performanceId, 4)).toEqual([1, 0, 1, 0]);

    expect(await expireDueHolds(testRedis.redis, start + 59_000)).toBe(0);
    expect(await expireDueHolds(testRedis.redis, start + 61_000)).toBe(2);
    expect(await seatStates(fixture.performanceId, 4)).toEqual([0, 0, 0, 0]);
    expect(await testRedis.redis.hgetall(seatHoldKeys(fixture.performanceId).counts)).toEqual({ [alice!]: '0', [bob!]: '0' });
    expect(await listHeldSeats(deps(), fixture.performanceId, alice!)).toBeNull();
  });
});

describe('holdBestAvailable', () => {
  it('picks adjacent seats of the grade in the best row, centred, without leaving a single orphan seat', async () => {
    // Row 1 has 5 seats: 4 of them always leave an orphan. Row 2 has 8.
    const fixture = await createPerformanceFixture(database.db, { rows: 3, seatsPerRow: [5, 8, 8], gradeOfRow: (r) => (r < 2 ? 'VIP' : 'R') });
    const [alice, bob] = await createUsers(database.db, 2);
    const four = await holdBestAvailable(deps(), fixture.performanceId, alice!, { grade: 'VIP', count: 4 });
    // Row 2's centre block (seats 3-6) leaves two free on each side.
    expect(four.seats.map((s) => s.label)).toEqual(['A 2열 3번', 'A 2열 4번', 'A 2열 5번', 'A 2열 6번']);

    const three = await holdBestAvailable(deps(), fixture.performanceId, bob!, { grade: 'VIP', count: 3 });
    // Row 1 (5 free) fits 3 in the centre only with orphans on both sides; at an edge it leaves 2.
    expect(three.seats.map((s) => s.label)).toEqual(['A 1열 1번', 'A 1열 2번', 'A 1열 3번']);
    expect(three.seats.every((s) => s.grade === 'VIP')).toBe(true);
  });

  it('writes a grade\'s rows again when Redis lost them, instead of answering sold out', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 2, seatsPerRow: 4 });
    const [alice, bob] = await createUsers(database.db, 2);
    const first = await holdBestAvailable(deps(), fixture.performanceId, alice!, { grade: 'R', count: 2 });
    await testRedis.redis.del(seatHoldKeys(fixture.performanceId).gradeRows('R'));
    const second = await holdBestAvailable(deps(), fixture.performanceId, bob!, { grade: 'R', count: 2 });
    expect(second.seats).toHaveLength(2);
    expect(second.seats.filter((s) => first.seats.some((f) => f.id === s.id))).toEqual([]);
  });

  it('falls back to an orphan-making block only when no row offers anything else', async () => {
    // Row 1 (5 seats) fits 4 only by leaving one seat alone; row 2 (6 seats) fits 4 with two left beside them.
    const fixture = await createPerformanceFixture(database.db, { rows: 2, seatsPerRow: [5, 6] });
    const [alice, bob] = await createUsers(database.db, 2);
    const first = await holdBestAvailable(deps(), fixture.performanceId, alice!, { grade: 'R', count: 4 });
    expect(first.seats.map((s) => s.label)).toEqual(['A 2열 1번', 'A 2열 2번', 'A 2열 3번', 'A 2열 4번']);

    // Now row 2 has two seats left and row 1 offers only orphan-making blocks: the leftmost of them.
    const second = await holdBestAvailable(deps(), fixture.performanceId, bob!, { grade: 'R', count: 4 });
    expect(second.seats.map((s) => s.label)).toEqual(['A 1열 1번', 'A 1열 2번', 'A 1열 3번', 'A 1열 4번']);
    expect(await seatStates(fixture.performanceId, 11)).toEqual([1, 1, 1, 1, 0, 1, 1, 1, 1, 0, 0]);
  });

  it('never assigns a seat twice under 500 concurrent requests, and every assignment is adjacent seats of the grade', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 20, seatsPerRow: 25, gradeOfRow: (r) => (r < 10 ? 'VIP' : 'R'), maxTicketsPerPerson: 4 });
    const users = await createUsers(database.db, 500);
    const results = await Promise.all(
      users.map((userId, i) =>
        holdBestAvailable(deps(), fixture.performanceId, userId, { grade: 'VIP', count: 1 + (i % 3) }).then((r) => r, (e: AppError) => e),
      ),
    );
    const held = results.filter((r): r is Exclude<typeof r, AppError> => !(r instanceof AppError));
    const refused = results.filter((r): r is AppError => r instanceof AppError);
    expect(refused.every((e) => e.details?.reason === 'sold_out')).toBe(true);
    const all = held.flatMap((r) => r.seats.map((s) => s.ordinal));
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBeGreaterThan(230); // 250 VIP seats; few are left as unusable gaps
    const seatInfo = new Map(fixture.ordinals.flatMap((row, r) => row.map((ordinal, n) => [ordinal, { row: r, n }] as const)));
    for (const result of held) {
      const places = result.seats.map((s) => seatInfo.get(s.ordinal)!);
      expect(result.seats.every((s) => s.grade === 'VIP')).toBe(true);
      expect(new Set(places.map((p) => p.row)).size).toBe(1);
      const numbers = places.map((p) => p.n).sort((a, b) => a - b);
      numbers.forEach((n, k) => expect(n).toBe(numbers[0]! + k));
    }
  });

  it('finds seats again when they are freed in an early row, whichever script freed them: release, expiry, reservation ended, rebuild', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 3, seatsPerRow: 4 });
    const users = await createUsers(database.db, 12);
    const [p0, p1, p2, p3, p4, p5, p6, p7] = fixture.ordinals.flat();
    const best = (user: number, d = deps()) => holdBestAvailable(d, fixture.performanceId, users[user]!, { grade: 'R', count: 2 }).then((r) => r.seats.map((s) => s.ordinal), (e: AppError) => e.details?.reason);
    const start = Date.now();
    const shortHold = { ...deps(() => new Date(start)), holdSeconds: 60 };

    expect(await best(0)).toEqual([p0, p1]);
    expect(await best(1, shortHold)).toEqual([p2, p3]);
    expect(await best(2)).toEqual([p4, p5]);
    expect(await best(3)).toEqual([p6, p7]);
    for (const user of [4, 5]) await best(user);
    expect(await best(6)).toBe('sold_out');

    // A user's release.
    await releaseHeldSeats(deps(), fixture.performanceId, users[0]!, { seats: [p0!, p1!] });
    expect(await best(6)).toEqual([p0, p1]);

    // The sweeper's expiry.
    expect(await expireDueHolds(testRedis.redis, start + 61_000)).toBe(2);
    expect(await best(7)).toEqual([p2, p3]);

    // Converted into a reservation: still taken; freed when the reservation ends.
    const reservation = await reserveOnMap(fixture.performanceId, users[2]!, [p4!, p5!]);
    expect(await best(8)).toBe('sold_out');
    await endOnMap(fixture.performanceId, reservation, [p4!, p5!]);
    expect(await best(8)).toEqual([p4, p5]);

    // Freed by its holder, then marked taken (PostgreSQL had them in a live reservation): not offered.
    await releaseHeldSeats(deps(), fixture.performanceId, users[3]!, { seats: [p6!, p7!] });
    await markTakenOnMap(fixture.performanceId, [p6!, p7!]);
    expect(await best(9)).toBe('sold_out');

    // Redis lost the seat state: rebuilt from PostgreSQL (no reservations there), every seat is free again.
    await testRedis.redis.del(seatStateKey(fixture.performanceId));
    expect(await best(10)).toEqual([p0, p1]);
  });

  it.each(['first-last', 'o1,o2,…'])('answers exactly as a full scan of every row would, through holds, releases, expiry, reservations, seats marked taken and rebuilds (rows written as %s)', async (rowForm) => {
    const widths = [7, 40, 10, 5, 9, 12, 25, 8, 6, 11];
    const fixture = await createPerformanceFixture(database.db, { rows: widths.length, seatsPerRow: widths, gradeOfRow: (r) => (r % 3 === 2 ? 'R' : 'VIP') });
    const users = await createUsers(database.db, 400);
    const performance = await loadPerformanceSeats(database.db, fixture.performanceId);
    const rows = orderGradeRows(performance, 'VIP').map((row) => row.map((s) => s.ordinal));
    // The fixture's rows are consecutive ordinals; a hall whose rows are not gets them listed.
    const layoutKey = await ensureGradeRows(testRedis.redis, performance, 'VIP');
    expect(await testRedis.redis.hget(layoutKey, 'r1')).toBe(`${rows[0]![0]}-${rows[0]!.at(-1)}`);
    if (rowForm === 'o1,o2,…') await testRedis.redis.hset(layoutKey, Object.fromEntries(rows.map((row, i) => [`r${i + 1}`, row.join(',')])));
    const allOrdinals = fixture.ordinals.flat();
    let seed = 7;
    const random = (n: number) => Math.floor((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31 * n);

    // The answer of a full scan of the grade's rows, best first (best-available's rule before the summary).
    const expected = async (count: number): Promise<number[] | undefined> => {
      const states = await seatStates(fixture.performanceId, allOrdinals.length);
      let fallback: number[] | undefined;
      for (const row of rows) {
        const centre = (row.length - 1) / 2;
        let choice: { start: number; distance: number } | undefined;
        for (let i = 0; i < row.length; ) {
          if (states[row[i]!] !== 0) { i++; continue; }
          let j = i;
          while (j + 1 < row.length && states[row[j + 1]!] === 0) j++;
          const length = j - i + 1;
          if (length >= count) {
            let best: { start: number; distance: number; orphan: boolean } | undefined;
            for (let start = i; start <= j + 1 - count; start++) {
              const orphan = start - i === 1 || j + 1 - (start + count) === 1;
              const distance = Math.abs(start + (count - 1) / 2 - centre);
              if (!best || (best.orphan && !orphan) || (orphan === best.orphan && distance < best.distance)) best = { start, distance, orphan };
            }
            if (!best!.orphan && (!choice || best!.distance < choice.distance)) choice = best;
            else if (best!.orphan && !fallback) fallback = row.slice(best!.start, best!.start + count);
          }
          i = j + 1;
        }
        if (choice) return row.slice(choice.start, choice.start + count);
      }
      return fallback;
    };

    let nextUser = 0;
    const holders: string[] = [];
    const reserved: { owner: SeatOwner; seats: number[] }[] = [];
    let asked = 0;
    for (let step = 0; step < 400; step++) {
      const op = random(100);
      if (op < 45) {
        const count = 1 + random(4);
        const want = await expected(count);
        const user = users[nextUser++ % users.length]!;
        const got = await holdBestAvailable(deps(), fixture.performanceId, user, { grade: 'VIP', count }).then((r) => r.seats.map((s) => s.ordinal), (e: AppError) => e.details?.reason);
        expect(got, `step ${step}: ${count} seats`).toEqual(want ?? 'sold_out');
        if (want) holders.push(user);
        asked++;
      } else if (op < 60) {
        // A manual hold of one or two seats anywhere (either grade); refusals do not matter.
        const first = random(allOrdinals.length - 1);
        const user = users[nextUser++ % users.length]!;
        await holdSeats(deps(), fixture.performanceId, user, { seats: random(2) ? [first, first + 1] : [first] }).then(() => holders.push(user), () => undefined);
      } else if (op < 75 && holders.length) {
        const [user] = holders.splice(random(holders.length), 1);
        await releaseHeldSeats(deps(), fixture.performanceId, user!, {});
      } else if (op < 85 && holders.length) {
        const [user] = holders.splice(random(holders.length), 1);
        const seats = (await listHeldSeats(deps(), fixture.performanceId, user!))?.seats.map((s) => s.ordinal) ?? [];
        if (seats.length) {
          reserved.push({ owner: await reserveOnMap(fixture.performanceId, user!, seats), seats });
        }
      } else if (op < 92 && reserved.length) {
        const [ended] = reserved.splice(random(reserved.length), 1);
        await endOnMap(fixture.performanceId, ended!.owner, ended!.seats);
      } else if (op < 96) {
        await markTakenOnMap(fixture.performanceId, [random(allOrdinals.length)]);
      } else if (op < 98) {
        // Every hold runs out at once.
        await expireDueHolds(testRedis.redis, Date.now() + 3_600_000);
        holders.length = 0;
      } else if (op < 99) {
        // Redis lost the seat state; the rebuilt one (from PostgreSQL, no reservations there) shows every seat free.
        await testRedis.redis.del(seatStateKey(fixture.performanceId));
        await rebuildSeatStates(database.db, testRedis.redis, fixture.performanceId);
        reserved.length = 0;
      } else {
        // Redis lost one of best-available's own keys.
        const keys = seatHoldKeys(fixture.performanceId);
        const lost = [keys.gradeRows('VIP'), keys.gradeRoom('VIP'), keys.gradeRoomSeen('VIP'), keys.gradeRoomRuns('VIP')][random(4)]!;
        await testRedis.redis.del(lost);
        if (lost === keys.gradeRows('VIP') && rowForm === 'o1,o2,…') {
          await ensureGradeRows(testRedis.redis, performance, 'VIP');
          await testRedis.redis.hset(lost, Object.fromEntries(rows.map((row, i) => [`r${i + 1}`, row.join(',')])));
        }
      }
    }
    expect(asked).toBeGreaterThan(150);
  });
});

