// A scanner back online sends the scans it queued: each is recorded as if it had been made at its
// own time, idempotently by (device_id, nonce), so a queue sent twice (a lost response) changes
// nothing the second time. A ticket the device admitted that had already gone in elsewhere comes
// back with `conflict`, the double entry offline mode cannot prevent, shown to staff and in the
// admin's check-in report.
import { z } from 'zod';
import { assertCanScan } from './assert-can-scan';
import { recordScan, type CheckInDeps } from './record-scan';
import { SCAN_RESULTS, type ScanOutcome } from './scan-outcome';

export const SyncOfflineScansInput = z.object({
  performanceId: z.uuid(),
  gate: z.string().trim().min(1).max(40),
  deviceId: z.string().trim().min(8).max(100),
  scans: z
    .array(
      z.object({
        nonce: z.string().trim().min(8).max(100),
        code: z.string().trim().min(1).max(400),
        scannedAt: z.iso.datetime(),
        /** What the device answered offline. */
        result: z.enum(SCAN_RESULTS),
      }),
    )
    .min(1)
    .max(500),
});
export type SyncOfflineScansInput = z.infer<typeof SyncOfflineScansInput>;

export async function syncOfflineScans(deps: CheckInDeps, staffId: string, input: unknown, now: Date): Promise<{ outcomes: ScanOutcome[] }> {
  const batch = SyncOfflineScansInput.parse(input);
  const performance = await assertCanScan(deps.db, staffId, batch.performanceId);
  // In the order they were made: of two admissions of one ticket, the earlier synced one is kept.
  const scans = [...batch.scans].sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
  const outcomes: ScanOutcome[] = [];
  for (const scan of scans) {
    // A device clock running ahead cannot date a scan into the future.
    const scannedAt = new Date(Math.min(Date.parse(scan.scannedAt), now.getTime()));
    outcomes.push(
      await recordScan(deps, {
        performance,
        staffId,
        gate: batch.gate,
        deviceId: batch.deviceId,
        nonce: scan.nonce,
        text: scan.code,
        scannedAt,
        offline: { localResult: scan.result },
      }),
    );
  }
  return { outcomes };
}
