import { describe, expect, it } from 'vitest';
import { defaultCancellationPolicy } from './cancellation-policy';
import { describeCancellationPolicy } from './describe-cancellation-policy';

const concert = defaultCancellationPolicy('CONCERT');
// 2027-03-25 is a Thursday; 2027-03-21 a Sunday, whose eve is a Saturday.
const thursdayShow = new Date('2027-03-25T19:00:00+09:00');
const sundayShow = new Date('2027-03-21T19:00:00+09:00');

describe('describeCancellationPolicy', () => {
  it('names the dates of each step of the schedule for the show', () => {
    expect(describeCancellationPolicy(concert, thursdayShow, 'en').lines).toEqual([
      'Cancel within 7 days of booking (the booking day included), until 2027-03-15: free',
      'Until 2027-03-15: ₩4,000 per ticket (at most 10% of its price)',
      '2027-03-16 to 2027-03-18: 10% of the ticket price',
      '2027-03-19 to 2027-03-22: 20% of the ticket price',
      '2027-03-23 to 2027-03-24 17:00: 30% of the ticket price',
      'Cancellation closes 2027-03-24 17:00; no cancellation on the show day',
      'The booking fee is refunded only when you cancel on the booking day, before midnight',
    ]);
    expect(describeCancellationPolicy(concert, sundayShow, 'ko').lines).toContain('취소 마감: 3월 20일 11:00 (공연 당일 취소 불가)');
  });
});
