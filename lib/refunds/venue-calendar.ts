// Calendar arithmetic in a venue's time zone. The fee schedule counts calendar days and clock
// times where the show happens (default Asia/Seoul), while instants are stored in UTC. The
// offset is read from the zone database for each instant rather than assumed (+9 is right for
// Seoul today, not for a venue in another zone). Wall-clock readings come from
// lib/i18n/get-zoned-parts.ts; this module adds the day arithmetic the schedule needs.

import { getZonedParts } from '../i18n/get-zoned-parts';

export type LocalDate = { year: number; month: number; day: number };

/** Whole calendar days from `from` to `to` (both local dates); negative when `to` is earlier. */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round((Date.UTC(to.year, to.month - 1, to.day) - Date.UTC(from.year, from.month - 1, from.day)) / 86_400_000);
}

/** `date` moved by `days` calendar days. */
export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** Day of the week of a local date (0 = Sunday). */
export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The instant at which the wall clock in `timeZone` reads `date` `hour`:`minute`. */
export function fromLocal(date: LocalDate, hour: number, minute: number, timeZone: string): Date {
  const wanted = Date.UTC(date.year, date.month - 1, date.day, hour, minute);
  // Guess with the zone's offset at the wanted wall time read as UTC, then correct once with
  // the offset at the guess: enough for every zone whose offset does not change that day.
  let guess = wanted;
  for (let i = 0; i < 2; i += 1) {
    const local = getZonedParts(new Date(guess), timeZone);
    const readAs = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
    guess += wanted - readAs;
  }
  return new Date(guess);
}
