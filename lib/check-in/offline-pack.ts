// What a scanner downloads to work without a network: the performance's tickets and revoked
// codes, signed with the ticket key as one JSON text, so a device verifies what it stores with the
// same public key it verifies QR codes with. No server-only imports: the browser uses it.
import type { FirstAdmission, ScannedTicket } from './scan-outcome';

export type OfflineTicket = ScannedTicket & {
  code: string;
  status: 'ISSUED' | 'USED';
  /** Set when the ticket had gone in by the time the list was made. */
  admitted: FirstAdmission | null;
};

export type OfflineRevocation = { code: string; performanceId: string; reason: 'TRANSFERRED' | 'REFUNDED' | 'CANCELLED' };

export type OfflinePack = {
  performanceId: string;
  generatedAt: string;
  startsAt: string;
  opensAt: string;
  tickets: OfflineTicket[];
  revocations: OfflineRevocation[];
};

/** `body` is the pack's JSON text exactly as signed; `signature` is Ed25519 over its UTF-8 bytes, base64url. */
export type SignedOfflinePack = { body: string; signature: string; publicKey: string };
