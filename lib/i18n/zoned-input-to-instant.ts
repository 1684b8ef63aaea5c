import { AppError } from '../errors/app-error';
import { getZoneOffsetMinutes } from './get-zone-offset-minutes';

const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * The instant at which the venue's wall clock reads `value` (`2026-12-16T19:00` in Asia/Seoul →
 * 2026-12-16T10:00:00Z). A wall time that a daylight-saving jump skips resolves with the offset
 * in force just before the jump (02:30 on a spring-forward night in New York → 03:30 EDT); a time
 * that occurs twice resolves to the first occurrence.
 */
export function zonedInputToInstant(value: string, timeZone: string): Date {
  const match = LOCAL_DATE_TIME.exec(value);
  if (!match) throw new AppError('validation_failed', 'Expected a local date and time like 2026-12-16T19:00', { field: 'startsAt' });
  const [, y, mo, d, h, mi, s] = match.map(Number) as number[];
  const wallAsUtc = Date.UTC(y!, mo! - 1, d!, h!, mi!, s || 0);
  // The offset 12 h before the wall time is the one in force before any jump that night.
  const before = getZoneOffsetMinutes(new Date(wallAsUtc - 12 * 3_600_000), timeZone);
  const after = getZoneOffsetMinutes(new Date(wallAsUtc + 12 * 3_600_000), timeZone);
  const candidates = [wallAsUtc - before * 60_000, wallAsUtc - after * 60_000].sort((a, b) => a - b);
  const exact = candidates.find((ms) => wallAsUtc - getZoneOffsetMinutes(new Date(ms), timeZone) * 60_000 === ms);
  return new Date(exact ?? wallAsUtc - before * 60_000);
}
