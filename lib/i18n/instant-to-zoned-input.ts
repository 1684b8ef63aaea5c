import { getZonedParts } from './get-zoned-parts';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The `<input type="datetime-local">` value (`2026-12-16T19:00`) that shows `instant` on the venue's wall clock. */
export function instantToZonedInput(instant: Date, timeZone: string): string {
  const p = getZonedParts(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
