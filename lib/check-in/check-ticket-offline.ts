// The scanner's own check when it has no network: the same door rules as the server (judgeScan)
// over the signed list it downloaded, with its own record of whom it let in standing in for the
// unique index. It runs in the browser; the integration tests run this very function.
import { readScannedCode, type SignatureCheck } from '../tickets/read-scanned-code';
import { base64url } from '../tickets/ticket-qr-layout';
import { judgeScan } from './judge-scan';
import type { OfflinePack, OfflineTicket, SignedOfflinePack } from './offline-pack';
import type { FirstAdmission, ScanOutcome, TicketFacts } from './scan-outcome';

export type OfflineState = {
  pack: OfflinePack;
  tickets: Map<string, OfflineTicket>;
  revoked: Map<string, TicketFacts>;
  /** Admissions this device made since the list was made, by ticket code. */
  admitted: Map<string, FirstAdmission>;
};

/** Verifies a downloaded list against the ticket public key and indexes it; throws on a bad signature. */
export function openOfflinePack(signed: SignedOfflinePack, checkSignature: SignatureCheck, admitted = new Map<string, FirstAdmission>()): OfflineState {
  const signature = base64url.decode(signed.signature);
  if (!signature || !checkSignature(new TextEncoder().encode(signed.body), signature)) throw new Error('the offline ticket list does not carry a valid signature');
  const pack = JSON.parse(signed.body) as OfflinePack;
  return {
    pack,
    tickets: new Map(pack.tickets.map((t) => [t.code, t])),
    revoked: new Map(pack.revocations.map((r) => [r.code, { performanceId: r.performanceId, status: 'ISSUED', revokedReason: r.reason }])),
    admitted,
  };
}

export function checkTicketOffline(
  state: OfflineState,
  scan: { text: string; nonce: string; gate: string; deviceId: string; at: Date },
  checkSignature: SignatureCheck,
): ScanOutcome {
  const scanned = readScannedCode(scan.text, checkSignature);
  const code = scanned.kind === 'invalid' ? null : scanned.code;
  const listed = code ? state.tickets.get(code) : undefined;
  const facts: TicketFacts | null = code ? (state.revoked.get(code) ?? (listed ? { performanceId: state.pack.performanceId, status: listed.status, revokedReason: null } : null)) : null;
  const verdict = judgeScan({ scanned, performanceId: state.pack.performanceId, ticket: facts, at: scan.at, opensAt: new Date(state.pack.opensAt) });
  const ticket = listed ? stripCode(listed) : null;
  const outcome = { nonce: scan.nonce, ticket, admittedBefore: null, opensAt: verdict === 'NOT_YET_OPEN' ? state.pack.opensAt : null, conflict: false };
  if (verdict !== 'ADMIT' || !listed) return { ...outcome, result: verdict === 'ADMIT' ? 'UNKNOWN' : verdict };
  const before = state.admitted.get(listed.code) ?? listed.admitted;
  if (before) return { ...outcome, result: 'ALREADY_USED', admittedBefore: before };
  state.admitted.set(listed.code, { at: scan.at.toISOString(), deviceId: scan.deviceId, gate: scan.gate });
  return { ...outcome, result: 'VALID' };
}

function stripCode({ code: _code, status: _status, admitted: _admitted, ...ticket }: OfflineTicket) {
  return ticket;
}
