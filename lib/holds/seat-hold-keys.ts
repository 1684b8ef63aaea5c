// Redis keys of one performance's seats. The braces are a hash tag: every key of a performance
// lives in one cluster slot, so one Lua script can touch them all atomically.
// Seat state is a 2-bit-per-seat array indexed by Seat.ordinal: 0 available, 1 held, 2 reserved/sold.

export const SEAT_FREE = 0;
export const SEAT_HELD = 1;
export const SEAT_TAKEN = 2;

export function seatHoldKeys(performanceId: string) {
  const tag = `{${performanceId}}`;
  return {
    /** BITFIELD u2 per seat ordinal (shared with the seat map's availability). */
    state: `seatmap:${tag}:state`,
    /** ordinal → "userId|expiresAtMs" for every held seat. */
    holds: `holds:${tag}`,
    /** ordinal scored by hold expiry, for the sweeper. */
    expiry: `holds:${tag}:expiry`,
    /** userId → seats the user holds or has in live reservations (the per-person limit). */
    counts: `holds:${tag}:counts`,
    /** userId → "o1,o2,…": the ordinals each user holds (a handful per user). */
    byUser: `holds:${tag}:byuser`,
    /** Rows of one grade in best-first order, one list element per row: "o1,o2,…" by seat number. */
    gradeRows: (grade: string) => `seatmap:${tag}:rows:${grade}`,
  };
}

/** Performances that may have holds to expire; the sweeper walks this set. */
export const PERFORMANCES_WITH_HOLDS = 'holds:performances';
