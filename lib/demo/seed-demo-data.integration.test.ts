import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { verifyPassword } from '../auth/hash-password';
import { DEMO_ACCOUNTS, seedDemoData } from './seed-demo-data';

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

describe('seedDemoData', () => {
  it('loads an arena of 5,000+ seats, three events and the demo accounts, and is idempotent', async () => {
    const now = new Date('2026-11-23T09:00:00Z');
    expect(await seedDemoData(database.db, testRedis.redis, now)).toEqual({ created: true });
    expect(await seedDemoData(database.db, testRedis.redis, now)).toEqual({ created: false });
    const { db } = database;

    const arena = await db.hall.findFirstOrThrow({ where: { name: 'Main Arena' }, include: { _count: { select: { seats: true, sections: true } } } });
    expect(arena._count.seats).toBeGreaterThan(5_000);
    expect(arena.seatCount).toBe(arena._count.seats);
    expect(arena._count.sections).toBeGreaterThanOrEqual(10);
    const grades = await db.seat.groupBy({ by: ['grade'], where: { hallId: arena.id } });
    expect(grades.map((g) => g.grade).sort()).toEqual(['A', 'R', 'S', 'VIP']);

    expect(await db.event.count()).toBe(3);
    const concert = await db.performance.findMany({ where: { hallId: arena.id }, orderBy: { startsAt: 'asc' }, include: { prices: true, waitingRoom: true } });
    expect(concert).toHaveLength(3);
    expect(concert[0]!.generalSaleOpensAt.getTime()).toBeLessThan(now.getTime());
    expect(concert[1]!.presaleOpensAt!.getTime()).toBeLessThan(now.getTime());
    expect(concert[1]!.generalSaleOpensAt.getTime()).toBeGreaterThan(now.getTime());
    expect(concert[2]!.generalSaleOpensAt.getTime()).toBeGreaterThan(now.getTime());
    expect(concert.every((p) => p.prices.length === 4 && p.waitingRoom)).toBe(true);

    const admin = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.admin.email } });
    expect(admin.role).toBe('ADMIN');
    expect(await verifyPassword(admin.passwordHash!, DEMO_ACCOUNTS.admin.password)).toBe(true);
    expect(await verifyPassword(admin.passwordHash!, 'wrong')).toBe(false);
    const staff = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.staff.email }, include: { staffAssignments: { include: { event: true } } } });
    expect(staff.role).toBe('STAFF');
    expect(staff.staffAssignments.map((a) => a.event.slug).sort()).toEqual(['aurora-lane-seoul-2027', 'hanbit-new-year-2027', 'seoul-indie-night-2027']);
    const customer = await db.user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.customer.email } });
    expect(customer.role).toBe('USER');
  });
});
