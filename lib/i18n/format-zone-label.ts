import { getZoneOffsetMinutes } from './get-zone-offset-minutes';

/** `Asia/Seoul (UTC+09:00)`: the zone an admin's times are read and typed in, with its offset at that instant. */
export function formatZoneLabel(timeZone: string, at: Date): string {
  const offset = getZoneOffsetMinutes(at, timeZone);
  const sign = offset < 0 ? '−' : '+';
  const abs = Math.abs(offset);
  return `${timeZone} (UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')})`;
}
