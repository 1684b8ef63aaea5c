// Maps the hold scripts' refusals to errors the user can act on.
import { AppError } from '../errors/app-error';
import { ENTRY_REVOKED, type AdmittedEntry } from './entry-check-of';
import type { PerformanceSeats } from './load-performance-seats';
import { revokedEntryRefusal } from './revoked-entry-refusal';

export function holdRefusal(performance: PerformanceSeats, reply: unknown[], entry?: AdmittedEntry): AppError {
  const [status, ...rest] = reply as [number, ...string[]];
  if (status === ENTRY_REVOKED) return revokedEntryRefusal(entry);
  if (status === -1) {
    return new AppError('unprocessable', `You can hold or reserve at most ${performance.maxTicketsPerPerson} seats for this performance`, {
      reason: 'limit_exceeded',
      limit: performance.maxTicketsPerPerson,
      alreadyHeld: Number(rest[0]),
    });
  }
  const taken = rest.map((o) => performance.seatsByOrdinal[Number(o)]!);
  return new AppError('conflict', 'Some of these seats were just taken', {
    reason: 'seats_taken',
    seats: taken.map((s) => ({ id: s.id, ordinal: s.ordinal, label: s.label })),
  });
}
