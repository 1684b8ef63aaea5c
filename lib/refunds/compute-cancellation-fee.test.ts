import { describe, expect, it } from 'vitest';
import { defaultCancellationPolicy, resolveCancellationPolicy } from './cancellation-policy';
import { cancellationClosesAt, computeCancellationFee } from './compute-cancellation-fee';

// Explicit instants in Seoul time: 2027-03-25 is a Thursday, 2027-03-21 a Sunday (its eve a Saturday).
const kst = (local: string) => new Date(`${local.replace(' ', 'T')}:00+09:00`);
const concert = defaultCancellationPolicy('CONCERT');
const thursdayShow = kst('2027-03-25 19:00');
const sundayShow = kst('2027-03-21 19:00');
const earlyBooking = kst('2027-01-04 10:00');
const ticket = { priceKrw: 100_000, bookingFeeKrw: 2_000 };

function quote(now: string, options: { bookedAt?: Date; show?: Date; tickets?: { priceKrw: number; bookingFeeKrw: number }[]; policy?: typeof concert } = {}) {
  return computeCancellationFee({
    policy: options.policy ?? concert,
    bookedAt: options.bookedAt ?? earlyBooking,
    showStartsAt: options.show ?? thursdayShow,
    now: kst(now),
    tickets: options.tickets ?? [ticket],
  });
}

function feeOf(result: ReturnType<typeof quote>) {
  if (!result.allowed) throw new Error(`expected an allowed cancellation, got ${result.reason}`);
  return result;
}

describe('computeCancellationFee: the 7-day free window', () => {
  const bookedAt = kst('2027-02-01 10:00');

  it('is free on the 7th day after booking, the booking day counted as day 1', () => {
    const result = feeOf(quote('2027-02-07 23:59', { bookedAt }));
    expect(result.rule).toBe('free');
    expect(result.feeKrw).toBe(0);
    expect(result.refundKrw).toBe(100_000);
  });

  it('charges the flat fee from the 8th day on', () => {
    const result = feeOf(quote('2027-02-08 00:00', { bookedAt }));
    expect(result.rule).toBe('flat');
    expect(result.feeKrw).toBe(4_000);
    expect(result.refundKrw).toBe(96_000);
  });

  it('stops being free 9 days before the show even inside the 7 days after booking', () => {
    const lateBooking = kst('2027-03-14 12:00');
    expect(feeOf(quote('2027-03-15 23:59', { bookedAt: lateBooking })).rule).toBe('free');
    const result = feeOf(quote('2027-03-16 00:00', { bookedAt: lateBooking }));
    expect(result.rule).toBe('percent');
    expect(result.percent).toBe(10);
    expect(result.feeKrw).toBe(10_000);
  });
});

describe('computeCancellationFee: days before the show', () => {
  it.each([
    ['2027-03-15 23:59', 10, 'flat', 4_000],
    ['2027-03-16 00:00', 9, 'percent', 10_000],
    ['2027-03-18 23:59', 7, 'percent', 10_000],
    ['2027-03-19 00:00', 6, 'percent', 20_000],
    ['2027-03-22 23:59', 3, 'percent', 20_000],
    ['2027-03-23 00:00', 2, 'percent', 30_000],
    ['2027-03-24 16:59', 1, 'percent', 30_000],
  ] as const)('at %s (%i days before) charges %s: ₩%i', (now, days, rule, fee) => {
    const result = feeOf(quote(now));
    expect(result.daysBeforeShow).toBe(days);
    expect(result.rule).toBe(rule);
    expect(result.feeKrw).toBe(fee);
    expect(result.refundKrw).toBe(100_000 - fee);
  });

  it('caps the flat fee at 10% of a cheap ticket', () => {
    expect(feeOf(quote('2027-03-01 12:00', { tickets: [{ priceKrw: 30_000, bookingFeeKrw: 2_000 }] })).feeKrw).toBe(3_000);
  });

  it('charges plays the lower flat fee of ₩2,000', () => {
    expect(feeOf(quote('2027-03-01 12:00', { policy: defaultCancellationPolicy('THEATER') })).feeKrw).toBe(2_000);
  });

  it('charges each cancelled ticket its own fee and rounds down to the won', () => {
    const tickets = [
      { priceKrw: 99_999, bookingFeeKrw: 2_000 },
      { priceKrw: 55_555, bookingFeeKrw: 2_000 },
    ];
    const result = feeOf(quote('2027-03-19 12:00', { tickets }));
    expect(result.feeKrw).toBe(19_999 + 11_111);
    expect(result.ticketsKrw).toBe(155_554);
  });
});

describe('computeCancellationFee: the cut-off', () => {
  it('closes at 17:00 on a weekday before the show', () => {
    expect(quote('2027-03-24 16:59').allowed).toBe(true);
    const closed = quote('2027-03-24 17:00');
    expect(closed).toMatchObject({ allowed: false, reason: 'closed' });
    expect(closed.closesAt.toISOString()).toBe('2027-03-24T08:00:00.000Z');
  });

  it('closes at 11:00 when the day before the show is a Saturday', () => {
    expect(quote('2027-03-20 10:59', { show: sundayShow }).allowed).toBe(true);
    expect(quote('2027-03-20 11:00', { show: sundayShow })).toMatchObject({ allowed: false, reason: 'closed' });
  });

  it('never allows cancelling on the show day', () => {
    expect(quote('2027-03-25 00:00')).toMatchObject({ allowed: false, daysBeforeShow: 0 });
  });

  it('counts days and the cut-off on the venue calendar, not on UTC', () => {
    const london = { ...concert, timeZone: 'Europe/London' };
    // 2027-07-15 is a Thursday in British Summer Time (UTC+1): the eve closes at 16:00 UTC.
    const show = new Date('2027-07-15T18:30:00Z');
    expect(cancellationClosesAt(london, show).toISOString()).toBe('2027-07-14T16:00:00.000Z');
    // 2027-01-14 is in GMT: the eve closes at 17:00 UTC.
    expect(cancellationClosesAt(london, new Date('2027-01-14T19:00:00Z')).toISOString()).toBe('2027-01-13T17:00:00.000Z');
  });
});

describe('computeCancellationFee: the booking fee', () => {
  const bookedAt = kst('2027-02-01 23:00');

  it('is refunded when cancelled on the booking day, before midnight in Seoul', () => {
    const result = feeOf(quote('2027-02-01 23:59', { bookedAt, tickets: [ticket, ticket] }));
    expect(result.bookingFeeRefundKrw).toBe(4_000);
    expect(result.refundKrw).toBe(204_000);
  });

  it('is kept from Seoul midnight on, although UTC is still on the booking day', () => {
    // 00:00 KST on 2 February is 15:00 UTC on 1 February.
    const result = feeOf(quote('2027-02-02 00:00', { bookedAt, tickets: [ticket, ticket] }));
    expect(result.bookingFeeRefundKrw).toBe(0);
    expect(result.bookingFeeKrw).toBe(4_000);
    expect(result.refundKrw).toBe(200_000);
  });

  it('is kept when the event turns the booking-day refund off', () => {
    const policy = resolveCancellationPolicy({ genre: 'CONCERT', override: { refundBookingFeeOnBookingDay: false } });
    expect(feeOf(quote('2027-02-01 23:30', { bookedAt, policy })).bookingFeeRefundKrw).toBe(0);
  });
});

describe('resolveCancellationPolicy', () => {
  it('lays an event override over the genre defaults', () => {
    const policy = resolveCancellationPolicy({ genre: 'THEATER', override: { cutoffTime: '18:00', tiers: [{ withinDays: 9, percent: 15 }] }, timeZone: 'Asia/Tokyo' });
    expect(policy).toMatchObject({ flatFeeKrw: 2_000, cutoffTime: '18:00', timeZone: 'Asia/Tokyo', tiers: [{ withinDays: 9, percent: 15 }] });
    expect(feeOf(quote('2027-03-23 12:00', { policy })).feeKrw).toBe(15_000);
  });

  it('refuses an override whose tiers leave days uncovered, naming the field', () => {
    expect(() => resolveCancellationPolicy({ genre: 'CONCERT', override: { tiers: [{ withinDays: 5, percent: 10 }] } })).toThrow(/tiers/);
  });

  it('refuses unknown keys rather than ignoring a misspelt setting', () => {
    expect(() => resolveCancellationPolicy({ genre: 'CONCERT', override: { cutofTime: '18:00' } })).toThrow();
  });
});
