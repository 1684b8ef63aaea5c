// What a scanner is told about one scan, online or offline: the same shape either way, so the
// scanner page shows one screen whatever answered. No server-only imports: the browser uses it.
export const SCAN_RESULTS = ['VALID', 'ALREADY_USED', 'REVOKED', 'TRANSFERRED', 'REFUNDED', 'WRONG_PERFORMANCE', 'NOT_YET_OPEN', 'UNKNOWN'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];

export type ScannedTicket = {
  id: string;
  shortId: string;
  section: string;
  row: string;
  number: number;
  grade: string;
  /** The entrance printed on the ticket; null = the main gate. */
  gate: string | null;
  holderName: string;
};

export type FirstAdmission = { at: string; deviceId: string; gate: string };

export type ScanOutcome = {
  nonce: string;
  result: ScanResult;
  ticket: ScannedTicket | null;
  /** For ALREADY_USED: when, at which gate and by which device the ticket went in. */
  admittedBefore: FirstAdmission | null;
  /** For NOT_YET_OPEN: when the doors open. */
  opensAt: string | null;
  /** An offline admission of a ticket that had gone in elsewhere (a double entry). */
  conflict: boolean;
};

/** What decides a scan before the one-admission step: the ticket's facts as the scanner knows them. */
export type TicketFacts = {
  performanceId: string;
  status: 'ISSUED' | 'USED' | 'CANCELLED' | 'REFUNDED';
  /** Why the scanned code was revoked, when it was (the ticket may live on under a new code). */
  revokedReason: 'TRANSFERRED' | 'REFUNDED' | 'CANCELLED' | null;
};
