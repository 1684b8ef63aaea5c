import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPerformanceFixture, createUsers, type PerformanceFixture } from '../../test/support/performance-fixture';
import { readSeatStates } from '../../test/support/seat-states';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { holdSeats } from '../holds/hold-seats';
import { seatHoldKeys } from '../holds/seat-hold-keys';
import { syncReservedSeats } from '../holds/sync-reserved-seats';
import { commitReservation } from './commit-reservation';
import { convergeSeatMap } from './converge-seat-map';
import { createReservation } from './create-reservation';
import { expireOverdueReservations } from './expire-overdue-reservations';

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

const deps = (now?: () => Date, holdSeconds = 420) => ({ db: database.db, redis: testRedis.redis, holdSeconds, now });
const states = (fixture: PerformanceFixture) => readSeatStates(testRedis.redis, fixture.performanceId, fixture.ordinals.flat());
const count = async (fixture: PerformanceFixture, userId: string) => Number((await testRedis.redis.hget(seatHoldKeys(fixture.performanceId).counts, userId)) ?? 0);

async function reserve(fixture: PerformanceFixture, userId: string, seats: number[], now?: () => Date, holdSeconds?: number) {
  await holdSeats(deps(now, holdSeconds), fixture.performanceId, userId, { seats });
  return (await createReservation(deps(now), userId, randomUUID(), { performanceId: fixture.performanceId, seats })).reservation;
}
const news = (fixture: PerformanceFixture, reservationId: string, userId: string) => ({ reservationId, userId, performanceId: fixture.performanceId });

describe('the seat map follows PostgreSQL', () => {
  it('frees every seat of an expiry batch on the map, even when one of its reservations belongs to an unpublished event', async () => {
    const start = Date.now();
    const clock = () => new Date(start);
    const published = await createPerformanceFixture(database.db, { rows: 2, seatsPerRow: 4 });
    const withdrawn = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const users = await createUsers(database.db, 5);
    // The withdrawn event's reservation has the earliest deadline: the batch meets it first.
    await reserve(withdrawn, users[0]!, [0, 1], clock, 60);
    for (let i = 1; i <= 4; i++) await reserve(published, users[i]!, [2 * (i - 1), 2 * (i - 1) + 1], clock, 120);
    expect(await states(published)).toEqual([2, 2, 2, 2, 2, 2, 2, 2]);
    await database.db.event.update({ where: { id: withdrawn.eventId }, data: { status: 'DRAFT' } });

    expect(await expireOverdueReservations(deps(), new Date(start + 121_000), 200)).toBe(5);
    expect(await states(published)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await states(withdrawn)).toEqual([0, 0, 0, 0]);
    for (let i = 1; i <= 4; i++) expect(await count(published, users[i]!)).toBe(0);
  });

  it('shows a reservation committed without its Redis step as sold, once, however often its event is handled', async () => {
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const [alice] = await createUsers(database.db, 1);
    await holdSeats(deps(), fixture.performanceId, alice!, { seats: [1, 2] });
    // The writer died right after its commit: the map still shows alice's holds.
    const { reservation } = await commitReservation(deps(), alice!, randomUUID(), { performanceId: fixture.performanceId, seats: [1, 2] });
    expect(await states(fixture)).toEqual([0, 1, 1, 0]);

    expect(await convergeSeatMap({ db: database.db, redis: testRedis.redis }, news(fixture, reservation.id, alice!))).toBe(2);
    expect(await convergeSeatMap({ db: database.db, redis: testRedis.redis }, news(fixture, reservation.id, alice!))).toBe(0);
    expect(await states(fixture)).toEqual([0, 2, 2, 0]);
    expect(await testRedis.redis.hlen(seatHoldKeys(fixture.performanceId).holds)).toBe(0);
    expect(await count(fixture, alice!)).toBe(2); // the holds became the reservation: still two seats, not four
  });

  it('never lets a late or repeated event of an ended reservation free a seat that was sold again since', async () => {
    const start = Date.now();
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 4 });
    const [alice, bob] = await createUsers(database.db, 2);
    const first = await reserve(fixture, alice!, [0, 1], () => new Date(start), 60);
    expect(await expireOverdueReservations(deps(), new Date(start + 61_000))).toBe(1);
    const second = await reserve(fixture, bob!, [0]);
    expect(await states(fixture)).toEqual([2, 0, 0, 0]);

    // alice's created and expired events arrive again, in either order, after bob bought seat 0.
    expect(await convergeSeatMap({ db: database.db, redis: testRedis.redis }, news(fixture, first.id, alice!))).toBe(0);
    expect(await convergeSeatMap({ db: database.db, redis: testRedis.redis }, news(fixture, first.id, alice!))).toBe(0);
    expect(await states(fixture)).toEqual([2, 0, 0, 0]);
    expect([await count(fixture, alice!), await count(fixture, bob!)]).toEqual([0, 1]);

    // Even a word read from PostgreSQL before bob's commit ("nobody has seat 0") frees nothing: the map knows seat 0 is bob's.
    await syncReservedSeats(testRedis.redis, fixture.performanceId, { reservationId: first.id, userId: alice! }, [{ ordinal: 0, live: null }]);
    expect(await states(fixture)).toEqual([2, 0, 0, 0]);

    // The map lost bob's sale (a failover): alice's late event puts it back as PostgreSQL has it.
    await syncReservedSeats(testRedis.redis, fixture.performanceId, { reservationId: second.id, userId: bob! }, [{ ordinal: 0, live: null }]);
    expect(await states(fixture)).toEqual([0, 0, 0, 0]);
    expect(await convergeSeatMap({ db: database.db, redis: testRedis.redis }, news(fixture, first.id, alice!))).toBe(1);
    expect(await states(fixture)).toEqual([2, 0, 0, 0]);
    expect([await count(fixture, alice!), await count(fixture, bob!)]).toEqual([0, 1]);
  });
});
