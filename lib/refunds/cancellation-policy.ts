// The cancellation policy: what a fan pays to cancel and until when. The defaults follow the
// Korean consumer dispute standard for performances (소비자분쟁해결기준, 공연) as Korean ticket
// sites apply it; an event may override any part. The resolved policy is copied onto the
// reservation when the fan goes to pay (snapshot-cancellation-policy.ts), so a later change to
// the event's policy never alters a booking already made.
import { z } from 'zod';

const krw = z.number().int().nonnegative();
const percent = z.number().int().min(0).max(100);
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM');

export const CancellationTier = z.object({
  /** Applies when the show is at most this many calendar days away (and no tier nearer fits). */
  withinDays: z.number().int().min(1),
  percent,
});
export type CancellationTier = z.infer<typeof CancellationTier>;

export const CancellationPolicy = z
  .object({
    /** The venue's zone: days and cut-off times are counted on its calendar. */
    timeZone: z.string().min(1),
    /** Free cancellation for this many days, the booking day counted as day 1… */
    freeDaysAfterBooking: z.number().int().min(0),
    /** …and from this many days before the show on, the flat fee instead of a percentage. */
    flatFeeFromDaysBefore: z.number().int().min(1),
    /** Per ticket, capped at `flatFeeMaxPercent` of that ticket's price. */
    flatFeeKrw: krw,
    flatFeeMaxPercent: percent,
    /** Percentages of the ticket price nearer the show, each for `withinDays` or fewer. */
    tiers: z.array(CancellationTier).min(1),
    /** Cancellation closes on the day before the show at this local time… */
    cutoffTime: clockTime,
    /** …or at this one when that day is a Saturday. */
    saturdayCutoffTime: clockTime,
    /** The booking fee (예매수수료) comes back only when cancelled on the booking day itself. */
    refundBookingFeeOnBookingDay: z.boolean(),
  })
  .refine((p) => Math.max(...p.tiers.map((t) => t.withinDays)) >= p.flatFeeFromDaysBefore - 1, {
    path: ['tiers'],
    message: 'the tiers must cover every day nearer the show than flatFeeFromDaysBefore',
  });
export type CancellationPolicy = z.infer<typeof CancellationPolicy>;

/** What an event stores to depart from the defaults: any subset of the policy. */
export const CancellationPolicyOverride = z
  .object({
    freeDaysAfterBooking: z.number().int().min(0),
    flatFeeFromDaysBefore: z.number().int().min(1),
    flatFeeKrw: krw,
    flatFeeMaxPercent: percent,
    tiers: z.array(CancellationTier).min(1),
    cutoffTime: clockTime,
    saturdayCutoffTime: clockTime,
    refundBookingFeeOnBookingDay: z.boolean(),
  })
  .partial()
  .strict();
export type CancellationPolicyOverride = z.infer<typeof CancellationPolicyOverride>;

export const DEFAULT_VENUE_TIME_ZONE = 'Asia/Seoul';

/** Genres whose flat fee is the lower ₩2,000 of the standard (연극). */
const PLAY_GENRES = new Set(['THEATER']);

/** The standard's schedule for a genre, before any event override. */
export function defaultCancellationPolicy(genre: string, timeZone = DEFAULT_VENUE_TIME_ZONE): CancellationPolicy {
  return {
    timeZone,
    freeDaysAfterBooking: 7,
    flatFeeFromDaysBefore: 10,
    flatFeeKrw: PLAY_GENRES.has(genre) ? 2_000 : 4_000,
    flatFeeMaxPercent: 10,
    tiers: [
      { withinDays: 9, percent: 10 },
      { withinDays: 6, percent: 20 },
      { withinDays: 2, percent: 30 },
    ],
    cutoffTime: '17:00',
    saturdayCutoffTime: '11:00',
    refundBookingFeeOnBookingDay: true,
  };
}

/** The policy in force for an event: the defaults for its genre with its override laid over them. */
export function resolveCancellationPolicy(input: { genre: string; override?: unknown; timeZone?: string | null }): CancellationPolicy {
  const override = input.override == null ? {} : CancellationPolicyOverride.parse(input.override);
  return CancellationPolicy.parse({ ...defaultCancellationPolicy(input.genre, input.timeZone ?? DEFAULT_VENUE_TIME_ZONE), ...override });
}
