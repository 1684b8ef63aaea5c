// Redis keys of one performance's seats. The braces are a hash tag: every key of a performance
// lives in one cluster slot, so one Lua script can touch them all atomically.
import { queueKeys } from '../queue/queue-keys';
import { seatStateKey } from '../seat-map/seat-state-key';

export function seatHoldKeys(performanceId: string) {
  const tag = `{${performanceId}}`;
  const waitingRoom = queueKeys(performanceId);
  return {
    /** The seat map's availability: 2 bits per seat ordinal, 0 available, 1 held, 2 reserved/sold. */
    state: seatStateKey(performanceId),
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
    /** The waiting room's revoked admissions and admitted users' last-seen, which a hold checks and touches in its own script. */
    entryCheck: [waitingRoom.revoked, waitingRoom.activeSeen],
  };
}

/** Performances that may have holds to expire; the sweeper walks this set. */
export const PERFORMANCES_WITH_HOLDS = 'holds:performances';
