// The rules of the door, shared by the online check and the scanner's offline check, so both
// answer a code the same way. 'ADMIT' means only "nothing refuses it": whether it already went in
// is decided after, by the one-admission step (a unique index online, the device's list offline).
import type { ScannedCode } from '../tickets/read-scanned-code';
import type { ScanResult, TicketFacts } from './scan-outcome';

const REVOKED_RESULT = { TRANSFERRED: 'TRANSFERRED', REFUNDED: 'REFUNDED', CANCELLED: 'REVOKED' } as const;

export function judgeScan(input: { scanned: ScannedCode; performanceId: string; ticket: TicketFacts | null; at: Date; opensAt: Date }): Exclude<ScanResult, 'VALID' | 'ALREADY_USED'> | 'ADMIT' {
  const { scanned, ticket } = input;
  if (scanned.kind === 'invalid') return 'UNKNOWN';
  // A signed code names its performance: a ticket for another show is told apart from a forgery.
  if (scanned.kind === 'qr' && scanned.performanceId !== input.performanceId) return 'WRONG_PERFORMANCE';
  if (!ticket) return 'UNKNOWN';
  if (ticket.performanceId !== input.performanceId) return 'WRONG_PERFORMANCE';
  if (ticket.revokedReason) return REVOKED_RESULT[ticket.revokedReason];
  if (ticket.status === 'REFUNDED') return 'REFUNDED';
  if (ticket.status === 'CANCELLED') return 'REVOKED';
  if (input.at < input.opensAt) return 'NOT_YET_OPEN';
  return 'ADMIT';
}
