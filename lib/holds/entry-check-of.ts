// The hold scripts' keys and arguments for the entry-token check.
import { seatHoldKeys } from './seat-hold-keys';

/**
 * The caller's entry token, verified by the worker API's guard, whose revocation check and
 * heartbeat the hold script makes in the same round trip as the hold (the guard skips its own).
 * Without one (domain callers, tests) the script checks no token.
 */
export type AdmittedEntry = { jti: string; onRevoked?: () => void };

/** What a seat script answers when it found the admission revoked. */
export const ENTRY_REVOKED = -3;

export function entryCheckOf(performanceId: string, entry: AdmittedEntry | undefined) {
  return { keys: seatHoldKeys(performanceId).entryCheck, jti: entry?.jti ?? '' };
}
