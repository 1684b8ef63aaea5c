import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { appErrorOf } from '../../test/support/app-error-of';
import { readSeatStates } from '../../test/support/seat-states';
import { createPerformanceFixture, createUsers } from '../../test/support/performance-fixture';
import { AppError } from '../errors/app-error';
import { holdSeats } from '../holds/hold-seats';
import { seatHoldKeys } from '../holds/seat-hold-keys';
import { cancelReservation } from './cancel-reservation';
import { createReservation } from './create-reservation';
import { expireOverdueReservations } from './expire-overdue-reservations';
import { listMyReservations } from './list-my-reservations';

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
const seatState = async (performanceId: string, ordinal: number) => (await readSeatStates(testRedis.redis, performanceId, [ordinal]))[0];

describe('createReservation', () => {
  it('turns held seats into a PENDING reservation priced by the server, with the hold expiry as deadline and an outbox event', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 2, seatsPerRow: 4, gradeOfRow: (r) => (r === 0 ? 'VIP' : 'R'), prices: { VIP: 198_000, R: 165_000 } });
    const [alice] = await createUsers(database.db, 1);
    const seats = [fixture.ordinals[0]![1]!, fixture.ordinals[1]![1]!];
    const hold = await holdSeats(deps(), fixture.performanceId, alice!, { seats });

    const { reservation, replayed } = await createReservation(deps(), alice!, 'key-0001', { performanceId: fixture.performanceId, seats });
    expect(replayed).toBe(false);
    expect(reservation).toMatchObject({ status: 'PENDING', totalKrw: 363_000, paymentDeadline: hold.expiresAt });
    expect(reservation.seats.map((s) => [s.label, s.priceKrw])).toEqual([['A 1열 2번', 198_000], ['A 2열 2번', 165_000]]);

    const event = await database.db.outboxEvent.findFirstOrThrow({ where: { aggregateId: reservation.id } });
    expect(event).toMatchObject({ type: 'reservation.created', topic: 'reservation.events' });
    expect(event.payload).toMatchObject({ totalKrw: 363_000, seatIds: [fixture.seatIds[0]![1], fixture.seatIds[1]![1]] });
    expect(await seatState(fixture.performanceId, 1)).toBe(2);
    expect(await listMyReservations(database.db, alice!)).toEqual([reservation]);
  });

  it('returns the same reservation for the same Idempotency-Key and refuses a different body with 422', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const [alice] = await createUsers(database.db, 1);
    const row = fixture.ordinals[0]!;
    await holdSeats(deps(), fixture.performanceId, alice!, { seats: [row[0]!, row[1]!] });
    const first = await createReservation(deps(), alice!, 'same-key-1', { performanceId: fixture.performanceId, seats: [row[0]!] });
    const again = await createReservation(deps(), alice!, 'same-key-1', { performanceId: fixture.performanceId, seats: [row[0]!] });
    expect(again).toEqual({ reservation: first.reservation, replayed: true });
    const concurrent = await Promise.all([1, 2, 3].map(() => createReservation(deps(), alice!, 'same-key-2', { performanceId: fixture.performanceId, seats: [row[1]!] })));
    expect(new Set(concurrent.map((c) => c.reservation.id)).size).toBe(1);

    const reused = await appErrorOf(createReservation(deps(), alice!, 'same-key-1', { performanceId: fixture.performanceId, seats: [row[1]!] }));
    expect(reused.code).toBe('unprocessable');
    expect(await database.db.reservation.count({ where: { userId: alice! } })).toBe(2);
  });

  it('refuses seats the user does not hold, and seats of another performance, with the reason', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const other = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const [alice, bob] = await createUsers(database.db, 2);
    const row = fixture.ordinals[0]!;
    await holdSeats(deps(), fixture.performanceId, bob!, { seats: [row[0]!] });

    const notHeld = await appErrorOf(createReservation(deps(), alice!, randomUUID(), { performanceId: fixture.performanceId, seats: [row[0]!, row[1]!] }));
    expect(notHeld.code).toBe('conflict');
    expect(notHeld.details).toMatchObject({ reason: 'seats_not_held', seats: [{ ordinal: row[0] }, { ordinal: row[1] }] });

    // Seats held for another performance do not count for this one.
    await holdSeats(deps(), other.performanceId, alice!, { seats: [row[2]!] });
    const elsewhere = await appErrorOf(createReservation(deps(), alice!, randomUUID(), { performanceId: fixture.performanceId, seats: [row[2]!] }));
    expect(elsewhere.details).toMatchObject({ reason: 'seats_not_held', seats: [{ ordinal: row[2] }] });

    const missing = await appErrorOf(createReservation(deps(), alice!, randomUUID(), { performanceId: fixture.performanceId, seats: [40] }));
    expect(missing.details).toMatchObject({ field: 'seats', seats: [40] });
    expect(await database.db.reservation.count({ where: { userId: alice! } })).toBe(0);
  });

  it('commits concurrent reservations together in shared transactions, and keeps each user to the limit inside a batch', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 4, seatsPerRow: 20, maxTicketsPerPerson: 4 });
    const seats = fixture.ordinals.flat();
    const [greedy, ...others] = await createUsers(database.db, 31);
    const keys = seatHoldKeys(fixture.performanceId);
    // The greedy user holds four seats, then Redis loses its per-user counter and lets two more through.
    await holdSeats(deps(), fixture.performanceId, greedy!, { seats: seats.slice(0, 4) });
    await testRedis.redis.hdel(keys.counts, greedy!);
    await holdSeats(deps(), fixture.performanceId, greedy!, { seats: seats.slice(4, 6) });
    await Promise.all(others.map((userId, i) => holdSeats(deps(), fixture.performanceId, userId, { seats: [seats[10 + 2 * i]!, seats[11 + 2 * i]!] })));

    // The others go first and fill the transactions in flight, so the greedy user's three requests queue into one batch.
    const otherAttempts = others.map((userId, i) => createReservation(deps(), userId, randomUUID(), { performanceId: fixture.performanceId, seats: [seats[10 + 2 * i]!, seats[11 + 2 * i]!] }));
    const greedyAttempts = [seats.slice(0, 2), seats.slice(2, 4), seats.slice(4, 6)].map((pair) =>
      createReservation(deps(), greedy!, randomUUID(), { performanceId: fixture.performanceId, seats: pair }).then(
        () => null,
        (error: AppError) => error,
      ),
    );
    const [greedyOutcomes] = await Promise.all([Promise.all(greedyAttempts), Promise.all(otherAttempts)]);

    const refusals = greedyOutcomes.filter((e) => e !== null);
    expect(refusals).toHaveLength(1);
    expect(refusals[0]!.details).toMatchObject({ reason: 'limit_exceeded', limit: 4, alreadyHeld: 4 });
    const live = await database.db.reservationItem.count({ where: { performanceId: fixture.performanceId, live: true, reservation: { userId: greedy! } } });
    expect(live).toBe(4);
    // Rows written by one transaction share its id (xmin): fewer transactions than reservations.
    const [{ reservations, transactions }] = await database.db.$queryRaw<[{ reservations: number; transactions: number }]>`
      SELECT count(*)::int AS reservations, count(DISTINCT xmin::text)::int AS transactions FROM ticket.reservations WHERE performance_id = ${fixture.performanceId}::uuid`;
    expect(reservations).toBe(32);
    expect(transactions).toBeLessThan(reservations);
    expect(await database.db.outboxEvent.count({ where: { type: 'reservation.created', aggregateId: { in: (await database.db.reservation.findMany({ where: { performanceId: fixture.performanceId }, select: { id: true } })).map((r) => r.id) } } })).toBe(32);
  });

  it('never puts one seat in two live reservations when Redis loses its holds, and tells the losers which seats', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 5, seatsPerRow: 20, maxTicketsPerPerson: 4 });
    const seats = fixture.ordinals.flat();
    const users = await createUsers(database.db, 250);
    const keys = seatHoldKeys(fixture.performanceId);
    const race = (racers: string[], offset: number) =>
      Promise.all(
        racers.map(async (userId, i) => {
          const start = (i * 7 + offset) % 99;
          const pair = [seats[start]!, seats[start + 1]!];
          try {
            await holdSeats(deps(), fixture.performanceId, userId, { seats: pair });
            await createReservation(deps(), userId, randomUUID(), { performanceId: fixture.performanceId, seats: pair });
            return { ok: true as const, pair };
          } catch (error) {
            return { ok: false as const, error: error as AppError, pair };
          }
        }),
      );
    const expectNoSeatTwiceAndLosersTold = async (outcomes: Awaited<ReturnType<typeof race>>) => {
      const doubled = await database.db.$queryRaw<{ seat_id: string }[]>`
        SELECT seat_id FROM ticket.reservation_items WHERE performance_id = ${fixture.performanceId}::uuid AND live GROUP BY seat_id HAVING count(*) > 1`;
      expect(doubled).toEqual([]);
      const losers = outcomes.filter((o) => !o.ok);
      for (const loser of losers) {
        expect(loser.error.code).toBe('conflict');
        const named = (loser.error.details?.seats as { ordinal: number }[]).map((s) => s.ordinal);
        expect(named.length).toBeGreaterThan(0);
        expect(loser.pair).toEqual(expect.arrayContaining(named));
      }
      return losers;
    };

    // 50 users reserve two seats each.
    await Promise.all(
      users.slice(0, 50).map(async (userId, i) => {
        const pair = [seats[2 * i]!, seats[2 * i + 1]!];
        await holdSeats(deps(), fixture.performanceId, userId, { seats: pair });
        await createReservation(deps(), userId, randomUUID(), { performanceId: fixture.performanceId, seats: pair });
      }),
    );

    // Redis is flushed: the seat map is rebuilt from PostgreSQL on the next hold.
    await testRedis.redis.del(keys.state, keys.holds, keys.expiry, keys.counts, keys.byUser);
    expect((await expectNoSeatTwiceAndLosersTold(await race(users.slice(50, 150), 0))).length).toBeGreaterThan(0);

    // Worse: a failover to a replica that lost recent writes: the map exists but shows every seat
    // free and every hold is gone. Only PostgreSQL's partial unique index stands in the way.
    await testRedis.redis.del(keys.holds, keys.expiry, keys.counts, keys.byUser);
    await testRedis.redis.set(keys.state, Buffer.alloc(25));
    const losers = await expectNoSeatTwiceAndLosersTold(await race(users.slice(150), 3));
    const stoppedByPostgres = losers.filter((l) => l.error.details?.reason === 'seats_taken' && l.error.message.includes('reserved by someone else'));
    expect(stoppedByPostgres.length).toBeGreaterThan(0);
    // …and the map is corrected: every seat PostgreSQL holds live shows as taken again.
    const live = await database.db.reservationItem.findMany({ where: { performanceId: fixture.performanceId, live: true }, select: { seatId: true } });
    const named = stoppedByPostgres.flatMap((l) => l.error.details?.seats as { id: string; ordinal: number }[]);
    for (const seat of named) {
      expect(live.some((l) => l.seatId === seat.id)).toBe(true);
      expect(await seatState(fixture.performanceId, seat.ordinal)).toBe(2);
    }
  });
});

describe('ending reservations', () => {
  it('expires a PENDING reservation past its deadline, emits reservation.expired and puts the seats back on the map', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const [alice, bob] = await createUsers(database.db, 2);
    const row = fixture.ordinals[0]!;
    const start = Date.now();
    await holdSeats({ ...deps(() => new Date(start)), holdSeconds: 60 }, fixture.performanceId, alice!, { seats: [row[0]!, row[1]!] });
    const { reservation } = await createReservation(deps(() => new Date(start)), alice!, randomUUID(), { performanceId: fixture.performanceId, seats: [row[0]!, row[1]!] });

    expect(await expireOverdueReservations(deps(), new Date(start + 59_000))).toBe(0);
    expect(await expireOverdueReservations(deps(), new Date(start + 61_000))).toBe(1);

    const after = await database.db.reservation.findUniqueOrThrow({ where: { id: reservation.id }, include: { items: true } });
    expect(after.status).toBe('EXPIRED');
    expect(after.items.every((i) => !i.live)).toBe(true);
    expect(await database.db.outboxEvent.count({ where: { aggregateId: reservation.id, type: 'reservation.expired' } })).toBe(1);
    expect(await seatState(fixture.performanceId, 0)).toBe(0);
    expect(await testRedis.redis.hget(seatHoldKeys(fixture.performanceId).counts, alice!)).toBe('0');
    // Someone else can have them now.
    await holdSeats(deps(), fixture.performanceId, bob!, { seats: [row[0]!] });
  });

  it('lets a user cancel their PENDING reservation, releasing the seats at once; another user gets 404', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const [alice, bob] = await createUsers(database.db, 2);
    const row = fixture.ordinals[0]!;
    await holdSeats(deps(), fixture.performanceId, alice!, { seats: [row[2]!] });
    const { reservation } = await createReservation(deps(), alice!, randomUUID(), { performanceId: fixture.performanceId, seats: [row[2]!] });

    expect((await appErrorOf(cancelReservation(deps(), bob!, reservation.id))).code).toBe('not_found');
    await cancelReservation(deps(), alice!, reservation.id);
    expect(await seatState(fixture.performanceId, 2)).toBe(0);
    expect((await database.db.reservation.findUniqueOrThrow({ where: { id: reservation.id } })).status).toBe('CANCELLED');
    expect((await appErrorOf(cancelReservation(deps(), alice!, reservation.id))).details?.reason).toBe('not_pending');
  });
});
