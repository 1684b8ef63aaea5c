// A live scan at the door: the staff member must work this performance's event; the answer
// (valid with seat and name, already used when and where, revoked, refunded, wrong show, not yet
// open, unknown) comes from one lookup and one short transaction.
import { z } from 'zod';
import { assertCanScan } from './assert-can-scan';
import { recordScan, type CheckInDeps } from './record-scan';
import type { ScanOutcome } from './scan-outcome';

export const ScanTicketInput = z.object({
  performanceId: z.uuid(),
  /** The entrance this device stands at, as staff named it. */
  gate: z.string().trim().min(1).max(40),
  deviceId: z.string().trim().min(8).max(100),
  /** Fresh per scan: a retried request with the same nonce gets the first answer back. */
  nonce: z.string().trim().min(8).max(100),
  /** What the camera read, or what staff typed. */
  code: z.string().trim().min(1).max(400),
});
export type ScanTicketInput = z.infer<typeof ScanTicketInput>;

export async function scanTicket(deps: CheckInDeps, staffId: string, input: unknown, now: Date): Promise<ScanOutcome> {
  const scan = ScanTicketInput.parse(input);
  const performance = await assertCanScan(deps.db, staffId, scan.performanceId);
  return recordScan(deps, { performance, staffId, gate: scan.gate, deviceId: scan.deviceId, nonce: scan.nonce, text: scan.code, scannedAt: now });
}
