// A fan cancels a paid booking against the PortOne stand-in: the fee at each boundary of the
// schedule, partial cancels, idempotent retries after a lost answer, and another fan's id.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appErrorOf } from '../../test/support/app-error-of';
import { createPaidBooking } from '../../test/support/paid-booking';
import { createPerformanceFixture, createUsers } from '../../test/support/performance-fixture';
import { readSeatStates } from '../../test/support/seat-states';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { startTestPortOne, type TestPortOne } from '../../test/support/test-portone';
import { createTestRedis, type TestRedis } from '../../test/support/test-redis';
import { createPortOneClient, type PortOne } from '../payments/portone-client';
import { cancelPaidBooking } from './cancel-paid-booking';
import { previewCancellation } from './preview-cancellation';
import { processRefund } from './process-refund';
import { requestRefund } from './request-refund';

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
/** The payment as the stand-in holds it (every state the tests read has an amount). */
const atPortOne = (paymentId: string) =>
  portone.control.payment(paymentId) as { status: string; amount: { paid: number; cancelled: number }; cancellations?: unknown[] };

/** A performance of `seats` seats at ₩100,000, on sale at `bookedAt`, showing at `show`. */
async function showWithSeats(seats: number, bookedAt: Date, show: Date) {
  const fixture = await createPerformanceFixture(database.db, { rows: 1, seatsPerRow: seats, now: bookedAt });
  await database.db.performance.update({ where: { id: fixture.performanceId }, data: { startsAt: show } });
  return fixture;
}

describe('cancelPaidBooking: the fee at each boundary, end to end', () => {
  // Thursday 25 March 2027, 19:00 in Seoul; booked on Monday 1 February at 10:00.
  const show = kst('2027-03-25 19:00');
  const bookedAt = kst('2027-02-01 10:00');
  const cases = [
    ['7th day after booking (free)', '2027-02-07 23:59', 100_000],
    ['8th day after booking (flat ₩4,000)', '2027-02-08 00:00', 96_000],
    ['10 days before (flat ₩4,000)', '2027-03-15 12:00', 96_000],
    ['9 days before (10%)', '2027-03-16 00:00', 90_000],
    ['7 days before (10%)', '2027-03-18 23:59', 90_000],
    ['6 days before (20%)', '2027-03-19 00:00', 80_000],
    ['3 days before (20%)', '2027-03-22 23:59', 80_000],
    ['2 days before (30%)', '2027-03-23 00:00', 70_000],
    ['the day before, 16:59 (30%)', '2027-03-24 16:59', 70_000],
  ] as const;

  it.each(cases)('%s: cancelled at %s, ₩%i comes back at PortOne', async (_name, at, refund) => {
    const fixture = await showWithSeats(1, bookedAt, show);
    const [fan] = await createUsers(database.db, 1);
    const booking = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: fan!, ordinals: [fixture.ordinals[0]![0]!], paidAt: bookedAt });

    const preview = await previewCancellation(database.db, { userId: fan!, reservationId: booking.reservationId }, kst(at));
    expect(preview.refundKrw).toBe(refund);
    const result = await cancelPaidBooking(deps(), { userId: fan!, reservationId: booking.reservationId, expectedRefundKrw: preview.refundKrw }, kst(at));
    expect(result).toMatchObject({ status: 'SUCCEEDED', refundKrw: refund, feeKrw: 100_000 - refund });
    expect(atPortOne(booking.portonePaymentId).amount).toMatchObject({ paid: 102_000, cancelled: refund });
    expect(await database.db.reservation.findUniqueOrThrow({ where: { id: booking.reservationId } })).toMatchObject({ status: 'REFUNDED' });
    expect(await database.db.payment.findUniqueOrThrow({ where: { id: booking.paymentId } })).toMatchObject({ cancelledKrw: refund, status: 'PARTIAL_CANCELLED', liveReservationId: null });
    expect(await readSeatStates(testRedis.redis, fixture.performanceId, [fixture.ordinals[0]![0]!])).toEqual([0]);
  });

  it('refuses from 17:00 on the day before the show and leaves the booking and the money alone', async () => {
    const fixture = await showWithSeats(1, bookedAt, show);
    const [fan] = await createUsers(database.db, 1);
    const booking = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: fan!, ordinals: [fixture.ordinals[0]![0]!], paidAt: bookedAt });
    expect((await previewCancellation(database.db, { userId: fan!, reservationId: booking.reservationId }, kst('2027-03-24 17:00'))).allowed).toBe(false);
    const refused = await appErrorOf(cancelPaidBooking(deps(), { userId: fan!, reservationId: booking.reservationId }, kst('2027-03-24 17:00')));
    expect(refused).toMatchObject({ code: 'conflict', details: { reason: 'cancellation_closed' } });
    expect(atPortOne(booking.portonePaymentId).amount.cancelled).toBe(0);
    expect(await database.db.refund.count({ where: { paymentId: booking.paymentId } })).toBe(0);
  });

  it('closes at 11:00 when the day before the show is a Saturday', async () => {
    const fixture = await showWithSeats(2, bookedAt, kst('2027-03-21 19:00'));
    const [early, late] = await createUsers(database.db, 2);
    const a = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: early!, ordinals: [fixture.ordinals[0]![0]!], paidAt: bookedAt });
    const b = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: late!, ordinals: [fixture.ordinals[0]![1]!], paidAt: bookedAt });
    expect(await cancelPaidBooking(deps(), { userId: early!, reservationId: a.reservationId }, kst('2027-03-20 10:59'))).toMatchObject({ status: 'SUCCEEDED', refundKrw: 70_000 });
    expect(await appErrorOf(cancelPaidBooking(deps(), { userId: late!, reservationId: b.reservationId }, kst('2027-03-20 11:00')))).toMatchObject({ details: { reason: 'cancellation_closed' } });
  });

  it('refunds the booking fee only before midnight of the booking day in Seoul', async () => {
    const lateNight = kst('2027-02-01 23:00');
    const fixture = await showWithSeats(2, lateNight, show);
    const [sameDay, nextDay] = await createUsers(database.db, 2);
    const a = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: sameDay!, ordinals: [fixture.ordinals[0]![0]!], paidAt: lateNight });
    const b = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: nextDay!, ordinals: [fixture.ordinals[0]![1]!], paidAt: lateNight });
    expect(await cancelPaidBooking(deps(), { userId: sameDay!, reservationId: a.reservationId }, kst('2027-02-01 23:59'))).toMatchObject({ refundKrw: 102_000 });
    expect(atPortOne(a.portonePaymentId).status).toBe('CANCELLED');
    // 00:00 in Seoul is still 1 February in UTC.
    expect(await cancelPaidBooking(deps(), { userId: nextDay!, reservationId: b.reservationId }, kst('2027-02-02 00:00'))).toMatchObject({ refundKrw: 100_000 });
    expect(await database.db.refund.findFirstOrThrow({ where: { reservationId: b.reservationId } })).toMatchObject({ bookingFeeRefundKrw: 0, feeKrw: 0 });
  });
});

describe('cancelPaidBooking: some seats', () => {
  it('cancels one seat by a partial cancel with the cancellable amount, puts it on sale and keeps the rest', async () => {
    const bookedAt = kst('2027-02-01 10:00');
    const fixture = await showWithSeats(3, bookedAt, kst('2027-03-25 19:00'));
    const [fan] = await createUsers(database.db, 1);
    const ordinals = fixture.ordinals[0]!;
    const booking = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: fan!, ordinals: [...ordinals], paidAt: bookedAt });
    const [first, second, third] = fixture.seatIds[0]!;

    // 6 days before: 20% of one ticket.
    const one = await cancelPaidBooking(deps(), { userId: fan!, reservationId: booking.reservationId, seatIds: [first!] }, kst('2027-03-19 09:00'));
    expect(one).toMatchObject({ status: 'SUCCEEDED', refundKrw: 80_000, feeKrw: 20_000 });
    expect(atPortOne(booking.portonePaymentId)).toMatchObject({ status: 'PARTIAL_CANCELLED', amount: { paid: 306_000, cancelled: 80_000 } });
    expect(await database.db.refund.findFirstOrThrow({ where: { reservationId: booking.reservationId } })).toMatchObject({ cancellableKrw: 306_000, amountKrw: 80_000 });
    expect(await database.db.reservation.findUniqueOrThrow({ where: { id: booking.reservationId } })).toMatchObject({ status: 'CONFIRMED' });
    expect(await readSeatStates(testRedis.redis, fixture.performanceId, [...ordinals])).toEqual([0, 2, 2]);
    const events = await database.db.outboxEvent.findMany({ where: { aggregateId: { in: [booking.reservationId, booking.paymentId] }, type: { in: ['reservation.cancelled', 'payment.refunded'] } } });
    expect(events.map((e) => [e.type, e.payload])).toEqual(
      expect.arrayContaining([
        ['payment.refunded', expect.objectContaining({ refundedKrw: 80_000 })],
        ['reservation.cancelled', expect.objectContaining({ seatIds: [first], partial: true, reason: 'user' })],
      ]),
    );
    // The seat is someone else's to buy at once.
    const preview = await previewCancellation(database.db, { userId: fan!, reservationId: booking.reservationId }, kst('2027-03-19 09:00'));
    expect(preview.seats.map((s) => s.id)).toEqual([second, third]);

    const rest = await cancelPaidBooking(deps(), { userId: fan!, reservationId: booking.reservationId }, kst('2027-03-23 09:00'));
    expect(rest).toMatchObject({ status: 'SUCCEEDED', refundKrw: 140_000 });
    expect(atPortOne(booking.portonePaymentId).amount.cancelled).toBe(220_000);
    expect(await database.db.refund.findFirstOrThrow({ where: { reservationId: booking.reservationId, amountKrw: 140_000 } })).toMatchObject({ cancellableKrw: 226_000 });
    expect(await database.db.reservation.findUniqueOrThrow({ where: { id: booking.reservationId } })).toMatchObject({ status: 'REFUNDED' });
    expect(await readSeatStates(testRedis.redis, fixture.performanceId, [...ordinals])).toEqual([0, 0, 0]);
    expect(await appErrorOf(cancelPaidBooking(deps(), { userId: fan!, reservationId: booking.reservationId }, kst('2027-03-23 09:00')))).toMatchObject({ code: 'conflict' });
  });

  it('names seatIds when a seat is not one of the booking', async () => {
    const bookedAt = kst('2027-02-01 10:00');
    const fixture = await showWithSeats(2, bookedAt, kst('2027-03-25 19:00'));
    const [fan] = await createUsers(database.db, 1);
    const booking = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: fan!, ordinals: [fixture.ordinals[0]![0]!], paidAt: bookedAt });
    const refused = await appErrorOf(cancelPaidBooking(deps(), { userId: fan!, reservationId: booking.reservationId, seatIds: [fixture.seatIds[0]![1]!] }, kst('2027-03-01 09:00')));
    expect(refused).toMatchObject({ code: 'validation_failed', details: { field: 'seatIds' } });
  });
});

describe('cancelPaidBooking: money never lost or taken twice', () => {
  it('completes a refund whose PortOne answer was lost, without cancelling twice', async () => {
    const bookedAt = kst('2027-02-01 10:00');
    const fixture = await showWithSeats(1, bookedAt, kst('2027-03-25 19:00'));
    const [fan] = await createUsers(database.db, 1);
    const booking = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: fan!, ordinals: [fixture.ordinals[0]![0]!], paidAt: bookedAt });
    const now = kst('2027-03-01 09:00');

    portone.control.setFaults({ timeoutMs: 400 });
    const slow = await processRefund(
      { ...deps(), portOne: createPortOneClient({ apiUrl: portone.url, apiSecret: portone.apiSecret, storeId: portone.storeId, timeoutMs: 50 }) },
      (await requestRefund(database.db, { reservationId: booking.reservationId, userId: fan!, initiator: 'FAN', reason: 'test', requestedById: fan!, now, plan: (b) => ({ itemIds: b.items.map((i) => i.id), amountKrw: 96_000, feeKrw: 4_000, bookingFeeRefundKrw: 0 }) })).refundId,
      now,
    );
    expect(slow.status).toBe('REQUESTED');
    await new Promise((resolve) => setTimeout(resolve, 600));
    portone.control.setFaults({ timeoutMs: 0 });
    // PortOne did cancel after all; the fan clicks again and the retry loop runs too.
    expect(atPortOne(booking.portonePaymentId).amount.cancelled).toBe(96_000);
    const [again, loop] = await Promise.all([
      cancelPaidBooking(deps(), { userId: fan!, reservationId: booking.reservationId }, now),
      processRefund(deps(), slow.refundId, now),
    ]);
    expect(again).toMatchObject({ status: 'SUCCEEDED', replayed: true, refundId: slow.refundId });
    expect(loop.status).toBe('SUCCEEDED');
    expect(atPortOne(booking.portonePaymentId).amount.cancelled).toBe(96_000);
    expect(atPortOne(booking.portonePaymentId).cancellations).toHaveLength(1);
    expect(await database.db.payment.findUniqueOrThrow({ where: { id: booking.paymentId } })).toMatchObject({ cancelledKrw: 96_000 });
    expect(await database.db.outboxEvent.count({ where: { aggregateId: booking.paymentId, type: 'payment.refunded' } })).toBe(1);
  });

  it('refunds a virtual-account payment only to a named bank account', async () => {
    const bookedAt = kst('2027-02-01 10:00');
    const fixture = await showWithSeats(1, bookedAt, kst('2027-03-25 19:00'));
    const [fan] = await createUsers(database.db, 1);
    const booking = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: fan!, ordinals: [fixture.ordinals[0]![0]!], paidAt: bookedAt, method: 'virtual_account' });
    const now = kst('2027-03-01 09:00');
    expect(await appErrorOf(cancelPaidBooking(deps(), { userId: fan!, reservationId: booking.reservationId }, now))).toMatchObject({ details: { field: 'refundAccount' } });
    const refundAccount = { bank: 'KOOKMIN' as const, number: '123-456-789012', holderName: '김팬', holderPhoneNumber: '010-1234-5678' };
    expect(await cancelPaidBooking(deps(), { userId: fan!, reservationId: booking.reservationId, refundAccount }, now)).toMatchObject({ status: 'SUCCEEDED', refundKrw: 96_000 });
    // PortOne was told where the money goes, in its own format: digits only.
    expect(portone.control.refundAccounts(booking.portonePaymentId)).toEqual([{ bank: 'KOOKMIN', number: '123456789012', holderName: '김팬', holderPhoneNumber: '01012345678' }]);
    expect(atPortOne(booking.portonePaymentId).amount.cancelled).toBe(96_000);
  });
});

describe('another fan', () => {
  it("gets 404 for someone else's booking, to preview or to cancel, like an unknown id", async () => {
    const bookedAt = kst('2027-02-01 10:00');
    const fixture = await showWithSeats(1, bookedAt, kst('2027-03-25 19:00'));
    const [owner, stranger] = await createUsers(database.db, 2);
    const booking = await createPaidBooking({ ...deps(), portone }, { performanceId: fixture.performanceId, userId: owner!, ordinals: [fixture.ordinals[0]![0]!], paidAt: bookedAt });
    const now = kst('2027-03-01 09:00');
    expect(await appErrorOf(previewCancellation(database.db, { userId: stranger!, reservationId: booking.reservationId }, now))).toMatchObject({ code: 'not_found' });
    expect(await appErrorOf(cancelPaidBooking(deps(), { userId: stranger!, reservationId: booking.reservationId }, now))).toMatchObject({ code: 'not_found' });
    expect(await appErrorOf(previewCancellation(database.db, { userId: stranger!, reservationId: 'not-a-uuid' }, now))).toMatchObject({ code: 'not_found' });
    expect(atPortOne(booking.portonePaymentId).amount.cancelled).toBe(0);
  });
});
