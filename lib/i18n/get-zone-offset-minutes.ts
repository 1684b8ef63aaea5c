import { getZonedParts } from './get-zoned-parts';

/** Minutes the zone's wall clock is ahead of UTC at that instant (Asia/Seoul: 540). */
export function getZoneOffsetMinutes(instant: Date, timeZone: string): number {
  const p = getZonedParts(instant, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return Math.round((wallAsUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}
