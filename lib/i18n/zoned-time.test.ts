import { describe, expect, it } from 'vitest';
import { formatDateTime } from './format-date-time';
import { formatKrw } from './format-krw';
import { formatZoneLabel } from './format-zone-label';
import { instantToZonedInput } from './instant-to-zoned-input';
import { isTimeZone } from './is-time-zone';
import { zonedInputToInstant } from './zoned-input-to-instant';

describe('venue wall-clock conversion', () => {
  it('stores 19:00 typed for a Seoul venue as 10:00Z and reads it back as 19:00', () => {
    const stored = zonedInputToInstant('2026-12-16T19:00', 'Asia/Seoul');
    expect(stored.toISOString()).toBe('2026-12-16T10:00:00.000Z');
    expect(instantToZonedInput(stored, 'Asia/Seoul')).toBe('2026-12-16T19:00');
  });

  it('round-trips every hour of a New York year, daylight saving included', () => {
    const start = Date.parse('2027-01-01T00:00:00Z');
    for (let ms = start; ms < start + 365 * 86_400_000; ms += 3_600_000) {
      const instant = new Date(ms);
      const typed = instantToZonedInput(instant, 'America/New_York');
      const back = zonedInputToInstant(typed, 'America/New_York');
      // The repeated 01:xx hour of the autumn change maps to its first occurrence.
      expect(instantToZonedInput(back, 'America/New_York')).toBe(typed);
    }
  });

  it('resolves a wall time skipped by spring-forward past the gap, and a repeated one to its first occurrence', () => {
    expect(zonedInputToInstant('2027-03-14T02:30', 'America/New_York').toISOString()).toBe('2027-03-14T07:30:00.000Z');
    expect(zonedInputToInstant('2027-11-07T01:30', 'America/New_York').toISOString()).toBe('2027-11-07T05:30:00.000Z');
  });

  it('refuses text that is not a local date and time', () => {
    expect(() => zonedInputToInstant('12/16/2026, 7:00 PM', 'Asia/Seoul')).toThrow(/local date and time/);
  });

  it('shows the zone and its offset at the instant', () => {
    expect(formatZoneLabel('Asia/Seoul', new Date('2027-01-01T00:00:00Z'))).toBe('Asia/Seoul (UTC+09:00)');
    expect(formatZoneLabel('America/New_York', new Date('2027-07-01T00:00:00Z'))).toBe('America/New_York (UTC−04:00)');
  });

  it('knows IANA zones and refuses made-up ones', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});

describe('formatDateTime', () => {
  const show = new Date('2027-01-01T10:00:00Z');

  it('writes Korean dates the Korean way, on the venue clock', () => {
    expect(formatDateTime(show, 'ko', 'Asia/Seoul')).toBe('2027년 1월 1일 (금) 오후 7:00');
    expect(formatDateTime(show, 'ko', 'Asia/Seoul', 'short')).toBe('1월 1일 (금) 오후 7:00');
    expect(formatDateTime(show, 'ko', 'Asia/Seoul', 'date')).toBe('2027년 1월 1일 (금)');
    expect(formatDateTime(new Date('2027-01-01T00:05:00Z'), 'ko', 'Asia/Seoul', 'time')).toBe('오전 9:05');
  });

  it('writes English dates for English readers, still on the venue clock', () => {
    expect(formatDateTime(show, 'en', 'Asia/Seoul')).toBe('Fri, Jan 1, 2027, 7:00 PM');
    expect(formatDateTime(show, 'en', 'America/Los_Angeles')).toBe('Fri, Jan 1, 2027, 2:00 AM');
    expect(formatDateTime(new Date('2027-01-01T03:00:00Z'), 'en', 'Asia/Seoul', 'time')).toBe('12:00 PM');
  });
});

describe('formatKrw', () => {
  it('writes won per locale', () => {
    expect(formatKrw(55000, 'ko')).toBe('55,000원');
    expect(formatKrw(1234567, 'en')).toBe('₩1,234,567');
    expect(formatKrw(0, 'en')).toBe('₩0');
  });
});
