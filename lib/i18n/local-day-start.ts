// A day picked in a date input (`2026-12-01`), read on a zone's calendar, as the instant it
// begins there; `plusDays: 1` gives the instant the day ends (the exclusive end of a range that
// includes it). Anything else is no bound at all: filters from the query string ignore junk.
import { addDays, fromLocal } from '../refunds/venue-calendar';

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

export function localDayStart(day: string | undefined, timeZone: string, plusDays = 0): string | undefined {
  const match = day ? DAY.exec(day) : null;
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return fromLocal(addDays(date, plusDays), 0, 0, timeZone).toISOString();
}
