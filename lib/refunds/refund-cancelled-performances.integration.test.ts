// An organiser calls a performance off: every booking is refunded in full, booking fee
// included, by the payments role's pass, which picks up where an interrupted pass stopped.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf } from '../../test/support/app-error-of';
import { createPaidBooking } from '../../test/support/paid-booking';
import { createPerformanceFixture, createUsers } from '../../test/support/performance-fixture';
import { readSeatStates } from '../../test/support/seat-states';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { startTestPortOne, type TestPortOne } from '../../test/support/test-portone';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { holdSeats } from '../holds/hold-seats';
import { createPortOneClient, type PortOne } from '../payments/portone-client';
import { createReservation } from '../reservations/create-reservation';
import { cancelPaidBooking } from './cancel-paid-booking';
import { cancelPerformance } from './cancel-performance';
import { previewCancellation } from './preview-cancellation';
import { refundCancelledPerformances } from './refund-cancelled-performances';
import { notifyCompletedRefunds } from './notify-completed-refunds';
import { retryRequestedRefunds } from './retry-requested-refunds';

let database: TestDatabase;
let testRedis: TestRedis;
let portone: TestPortOne;
let portOne: PortOne;
beforeAll(async () => {
  database = await createTestDatabase();
  testRedis = createTestRedis();
  portone = await startTestPortOne();
  portOne = createPortOneClient({ apiUrl: portone.url, apiSecret: portone.apiSecret, storeId: portone.storeId });
});
afterAll(async () => {
  await portone.stop();
  await testRedis.cleanup();
  await database.drop();
});

const kst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+09:00`);
const deps = () => ({ db: database.db, redis: testRedis.redis, portOne });
const atPortOne = (paymentId: string) => portone.control.payment(paymentId) as { status: string; amount: { paid: number; cancelled: number } };

describe('refundCancelledPerformances', () => {
  it('refunds every booking of a cancelled performance in full, booking fee included, and ends the unpaid ones', async () => {
    const bookedAt = kst('2027-02-01 10:00');
    // The day before the show, after the fans' own cancellation has closed: the organiser's still refunds all.
    const now = kst('2027-03-24 18:00');
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 8, now: bookedAt });
    await database.db.performance.update({ where: { id: fixture.performanceId }, data: { startsAt: kst('2027-03-25 19:00') } });
    const [a, b, c, pending, admin] = await createUsers(database.db, 5);
    await database.db.user.update({ where: { id: admin! }, data: { role: 'ADMIN' } });
    const row = fixture.ordinals[0]!;
    const bookings = [
      await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: a!, ordinals: [row[0]!], paidAt: bookedAt }),
      await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: b!, ordinals: [row[1]!, row[2]!], paidAt: bookedAt }),
      await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: c!, ordinals: [row[3]!, row[4]!], paidAt: bookedAt }),
    ];
    // c already gave one seat back under the policy (flat ₩4,000 kept).
    await cancelPaidBooking(deps(), { userId: c!, reservationId: bookings[2]!.reservationId, seatIds: [fixture.seatIds[0]![3]!] }, kst('2027-03-01 09:00'));
    const holdDeps = { db: database.db, redis: testRedis.redis, holdSeconds: 600, now: () => now };
    await database.db.performance.update({ where: { id: fixture.performanceId }, data: { generalSaleClosesAt: kst('2027-03-25 00:00') } });
    await holdSeats(holdDeps, fixture.performanceId, pending!, { seats: [row[5]!] });
    const { reservation: unpaid } = await createReservation(holdDeps, pending!, randomUUID(), { performanceId: fixture.performanceId, seats: [row[5]!] });

    await cancelPerformance(database.db, { performanceId: fixture.performanceId, actorId: admin!, reason: 'The artist fell ill' });
    expect(await database.db.adminAuditLog.findFirst({ where: { entityId: fixture.performanceId, action: 'performance.cancel' } })).toMatchObject({ actorId: admin });

    // The first pass is cut short after one booking's refund was recorded but PortOne did not answer.
    portone.control.setFaults({ timeoutMs: 300 });
    const interrupted = await refundCancelledPerformances({ ...deps(), portOne: createPortOneClient({ apiUrl: portone.url, apiSecret: portone.apiSecret, storeId: portone.storeId, timeoutMs: 50 }) }, now, 1);
    expect(interrupted.refunds.map((r) => r.status)).toEqual(['REQUESTED']);
    await new Promise((resolve) => setTimeout(resolve, 400));
    portone.control.setFaults({ timeoutMs: 0 });

    await retryRequestedRefunds(deps(), new Date(now.getTime() + 60_000), { olderThanMs: 30_000 });
    const pass = await refundCancelledPerformances(deps(), now);
    expect(pass.refunds.every((r) => r.status === 'SUCCEEDED')).toBe(true);

    for (const booking of bookings) {
      expect(await database.db.reservation.findUniqueOrThrow({ where: { id: booking.reservationId } })).toMatchObject({ status: 'REFUNDED' });
    }
    // a: ₩102,000 back in full; b: ₩204,000; c: ₩96,000 earlier, then the remaining ₩108,000.
    expect(atPortOne(bookings[0]!.portonePaymentId)).toMatchObject({ status: 'CANCELLED', amount: { paid: 102_000, cancelled: 102_000 } });
    expect(atPortOne(bookings[1]!.portonePaymentId)).toMatchObject({ status: 'CANCELLED', amount: { paid: 204_000, cancelled: 204_000 } });
    expect(atPortOne(bookings[2]!.portonePaymentId)).toMatchObject({ amount: { paid: 204_000, cancelled: 96_000 + 108_000 } });
    expect(await database.db.refund.count({ where: { initiator: 'ORGANISER', status: 'SUCCEEDED' } })).toBe(3);
    expect(await database.db.reservation.findUniqueOrThrow({ where: { id: unpaid.id } })).toMatchObject({ status: 'CANCELLED' });
    expect(await readSeatStates(testRedis.redis, fixture.performanceId, row.slice(0, 6))).toEqual([0, 0, 0, 0, 0, 0]);

    // Every fan is told of the organiser's refund once, however often the sweep runs (c's own
    // refund three weeks earlier is outside the sweep's day).
    expect(await notifyCompletedRefunds({ db: database.db }, now)).toBe(3);
    expect(await notifyCompletedRefunds({ db: database.db }, now)).toBe(0);
    expect(await database.db.notification.count({ where: { userId: { in: [a!, b!, c!] }, kind: 'refund.completed' } })).toBe(3);

    // Nothing is left to do: another pass changes nothing and asks PortOne nothing.
    expect(await refundCancelledPerformances(deps(), now)).toEqual({ ended: 0, refunds: [] });
    expect(await appErrorOf(cancelPerformance(database.db, { performanceId: fixture.performanceId, actorId: admin!, reason: 'again' }))).toMatchObject({ code: 'conflict' });
  });

  it('leaves a virtual-account booking to its fan, who gets everything back to the account they name, after the cut-off too', async () => {
    const bookedAt = kst('2027-02-01 10:00');
    const now = kst('2027-03-24 18:00');
    const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: 2, now: bookedAt });
    await database.db.performance.update({ where: { id: fixture.performanceId }, data: { startsAt: kst('2027-03-25 19:00') } });
    const [fan, admin] = await createUsers(database.db, 2);
    const booking = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: fan!, ordinals: fixture.ordinals[0]!, paidAt: bookedAt, method: 'virtual_account' });
    await cancelPerformance(database.db, { performanceId: fixture.performanceId, actorId: admin!, reason: 'The venue flooded' });

    // The organiser's pass has no bank account to send the money to: it leaves the booking alone.
    await refundCancelledPerformances(deps(), now);
    expect(await database.db.refund.count({ where: { reservationId: booking.reservationId } })).toBe(0);
    expect(atPortOne(booking.portonePaymentId).amount.cancelled).toBe(0);
    expect(await database.db.reservation.findUniqueOrThrow({ where: { id: booking.reservationId } })).toMatchObject({ status: 'CONFIRMED' });

    // Past the fans' cut-off (17:00 the day before), a called-off show still refunds in full.
    const preview = await previewCancellation(database.db, { userId: fan!, reservationId: booking.reservationId }, now);
    expect(preview).toMatchObject({ allowed: true, refundAccountRequired: true, feeKrw: 0, bookingFeeRefundKrw: 4_000, refundKrw: booking.amountKrw });
    const refundAccount = { bank: 'WOORI' as const, number: '1002-123-456789', holderName: '김팬' };
    const refund = await cancelPaidBooking(deps(), { userId: fan!, reservationId: booking.reservationId, refundAccount, expectedRefundKrw: preview.refundKrw }, now);
    expect(refund).toMatchObject({ status: 'SUCCEEDED', refundKrw: booking.amountKrw, feeKrw: 0 });
    expect(atPortOne(booking.portonePaymentId)).toMatchObject({ status: 'CANCELLED', amount: { cancelled: booking.amountKrw } });
    expect(portone.control.refundAccounts(booking.portonePaymentId)).toEqual([{ bank: 'WOORI', number: '1002123456789', holderName: '김팬' }]);
  });
});
