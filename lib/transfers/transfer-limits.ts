// The limits every transfer obeys (from the worker's config: TRANSFER_* in workers/config.ts),
// and the instants they make for one performance.
export type TransferLimits = {
  /** No offer and no acceptance this many hours or fewer before the show starts. */
  cutoffHoursBeforeShow: number;
  /** Accepted transfers a ticket may go through. */
  maxPerTicket: number;
  /** How long an offer stays open, at most (it also closes at the cutoff). */
  offerHours: number;
};

export const HOUR_MS = 3_600_000;

/** The last instant a transfer of a ticket for a show starting at `startsAt` may be offered or accepted. */
export function transferCutoff(limits: TransferLimits, startsAt: Date): Date {
  return new Date(startsAt.getTime() - limits.cutoffHoursBeforeShow * HOUR_MS);
}
