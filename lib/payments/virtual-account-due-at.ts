// A virtual account's deposit deadline: at most `maxHours` from now, never after the sale
// closes, and never within `cutoffHoursBeforeShow` of the show (a fan must not learn on the day
// that an unpaid seat went to nobody). Null when less than half an hour would remain: an account
// the fan cannot realistically fund in time is not offered.
const MIN_WINDOW_MS = 30 * 60_000;

export function virtualAccountDueAt(input: {
  now: Date;
  saleClosesAt: Date;
  startsAt: Date;
  maxHours: number;
  cutoffHoursBeforeShow: number;
}): Date | null {
  const due = Math.min(
    input.now.getTime() + input.maxHours * 3_600_000,
    input.saleClosesAt.getTime(),
    input.startsAt.getTime() - input.cutoffHoursBeforeShow * 3_600_000,
  );
  return due - input.now.getTime() >= MIN_WINDOW_MS ? new Date(due) : null;
}
