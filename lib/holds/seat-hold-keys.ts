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
    /** ordinal → "reservationId|userId": the live reservation each sold seat went to (a stale word about another never frees it). */
    owners: `holds:${tag}:owners`,
    /**
     * One grade's rows, numbered 1… best-first (hash): `id` (changes when it is rewritten), `n` rows,
     * `r<i>` → "o1,o2,…" by seat number (or "first-last" when consecutive), `o<ordinal>` → i.
     */
    gradeRows: (grade: string) => `seatmap:${tag}:layout:${grade}`,
    /** Best-available's summary of each of the grade's rows (the layout id, then 4 bytes a row) … */
    gradeRoom: (grade: string) => `seatmap:${tag}:room:${grade}`,
    /** … and the copy of the seat state it was computed from (to find the rows changed since). */
    gradeRoomSeen: (grade: string) => `seatmap:${tag}:room:${grade}:seen`,
    /** … and each row's free runs ("first:length,…"), so a request does not read the row seat by seat. */
    gradeRoomRuns: (grade: string) => `seatmap:${tag}:room:${grade}:runs`,
    /** The waiting room's revoked admissions and admitted users' last-seen, which a hold checks and touches in its own script. */
    entryCheck: [waitingRoom.revoked, waitingRoom.activeSeen],
  };
}

/** Performances that may have holds to expire; the sweeper walks this set. */
export const PERFORMANCES_WITH_HOLDS = 'holds:performances';
