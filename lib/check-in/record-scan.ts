// One scan, judged and recorded. The admission itself is one INSERT … ON CONFLICT on the unique
// check_ins.ticket_id: of two scanners racing for one ticket the database lets exactly one in, and
// the other is told when, where and by which device it went in. The ticket turns USED and
// `ticket.checked_in` joins the outbox in that same transaction. Every scan, admitted or not, is
// kept in ticket_scans under (device_id, nonce), so a device re-sending a scan (a retry, a re-synced
// offline queue) gets the first answer back instead of a second scan.
import type { KeyObject } from 'node:crypto';
import type { Db } from '../db/create-prisma';
import { uuidV7 } from '../db/uuid-v7';
import { appendEvent } from '../events/append-event';
import { nodeSignatureCheck } from '../tickets/node-signature-check';
import { readScannedCode } from '../tickets/read-scanned-code';
import { judgeScan } from './judge-scan';
import { lookupScannedTicket } from './lookup-scanned-ticket';
import type { FirstAdmission, ScanOutcome, ScanResult } from './scan-outcome';

export type CheckInDeps = { db: Db; publicKey: KeyObject; opensMinutesBefore: number };

export type ScanRecord = {
  performance: { id: string; startsAt: Date };
  staffId: string;
  gate: string;
  deviceId: string;
  nonce: string;
  text: string;
  scannedAt: Date;
  /** Absent for a live scan; for a synced offline scan, what the device answered at the time. */
  offline?: { localResult: ScanResult };
};

const TX = { maxWait: 10_000, timeout: 10_000 };
// A refund or cancellation committing between the lookup and the admission: judge again (the
// second look sees the revocation). Twice in a row would mean the ticket keeps changing.
const ATTEMPTS = 3;

class TicketChanged extends Error {}
class ScanReplayed extends Error {}

export async function recordScan(deps: CheckInDeps, scan: ScanRecord): Promise<ScanOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await attemptScan(deps, scan);
    } catch (error) {
      if (error instanceof ScanReplayed) return storedOutcome(deps.db, scan.deviceId, scan.nonce);
      if (!(error instanceof TicketChanged) || attempt === ATTEMPTS) throw error;
    }
  }
}

async function attemptScan(deps: CheckInDeps, scan: ScanRecord): Promise<ScanOutcome> {
  const scanned = readScannedCode(scan.text, nodeSignatureCheck(deps.publicKey));
  const found = scanned.kind === 'invalid' ? null : await lookupScannedTicket(deps.db, { code: scanned.code });
  const opensAt = new Date(scan.performance.startsAt.getTime() - deps.opensMinutesBefore * 60_000);
  const verdict = judgeScan({ scanned, performanceId: scan.performance.id, ticket: found, at: scan.scannedAt, opensAt });
  // An offline scan the device refused stays refused: the sync records what the door did.
  const admits = verdict === 'ADMIT' && (!scan.offline || scan.offline.localResult === 'VALID');

  return deps.db.$transaction(async (tx) => {
    let result: ScanResult = verdict === 'ADMIT' ? (scan.offline?.localResult ?? 'VALID') : verdict;
    let admittedBefore: FirstAdmission | null = null;
    let conflict = false;
    if (admits && found) {
      const inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO ticket.check_ins (id, ticket_id, performance_id, gate, device_id, staff_id, scanned_at, offline)
        VALUES (${uuidV7()}::uuid, ${found.ticket.id}::uuid, ${scan.performance.id}::uuid, ${scan.gate}, ${scan.deviceId}, ${scan.staffId}::uuid, ${scan.scannedAt}, ${Boolean(scan.offline)})
        ON CONFLICT (ticket_id) DO NOTHING RETURNING id`;
      if (inserted.length > 0) {
        const used = await tx.$executeRaw`UPDATE ticket.tickets SET status = 'USED', used_at = ${scan.scannedAt} WHERE id = ${found.ticket.id}::uuid AND status = 'ISSUED'`;
        if (used === 0) throw new TicketChanged();
        await appendEvent(tx, {
          type: 'ticket.checked_in',
          aggregateId: found.ticket.id,
          occurredAt: scan.scannedAt,
          payload: {
            ticketId: found.ticket.id,
            performanceId: scan.performance.id,
            grade: found.ticket.grade,
            gate: scan.gate,
            deviceId: scan.deviceId,
            offline: Boolean(scan.offline),
            checkedInAt: scan.scannedAt.toISOString(),
          },
        });
        result = 'VALID';
      } else {
        admittedBefore = await firstAdmission(tx, found.ticket.id);
        result = 'ALREADY_USED';
        // The device let this holder in while offline, and someone had gone in on this ticket already.
        conflict = Boolean(scan.offline);
      }
    }
    const kept = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO ticket.ticket_scans (id, performance_id, ticket_id, device_id, nonce, gate, staff_id, result, offline, conflict, scanned_at)
      VALUES (${uuidV7()}::uuid, ${scan.performance.id}::uuid, ${found?.ticket.id ?? null}::uuid, ${scan.deviceId}, ${scan.nonce}, ${scan.gate}, ${scan.staffId}::uuid,
              ${result}::ticket."ScanResult", ${Boolean(scan.offline)}, ${conflict}, ${scan.scannedAt})
      ON CONFLICT (device_id, nonce) DO NOTHING RETURNING id`;
    if (kept.length === 0) throw new ScanReplayed();
    return {
      nonce: scan.nonce,
      result,
      ticket: found?.ticket ?? null,
      admittedBefore,
      opensAt: result === 'NOT_YET_OPEN' ? opensAt.toISOString() : null,
      conflict,
    };
  }, TX);
}

type Reader = Pick<Db, '$queryRaw'>;

async function firstAdmission(db: Reader, ticketId: string): Promise<FirstAdmission | null> {
  const [row] = await db.$queryRaw<{ scanned_at: Date; device_id: string; gate: string }[]>`
    SELECT scanned_at, device_id, gate FROM ticket.check_ins WHERE ticket_id = ${ticketId}::uuid`;
  return row ? { at: row.scanned_at.toISOString(), deviceId: row.device_id, gate: row.gate } : null;
}

/** The answer a device got the first time it sent this nonce. */
async function storedOutcome(db: Db, deviceId: string, nonce: string): Promise<ScanOutcome> {
  const scan = await db.ticketScan.findUniqueOrThrow({ where: { deviceId_nonce: { deviceId, nonce } } });
  const found = scan.ticketId ? await lookupScannedTicket(db, { ticketId: scan.ticketId }) : null;
  return {
    nonce,
    result: scan.result,
    ticket: found?.ticket ?? null,
    admittedBefore: scan.result === 'ALREADY_USED' && scan.ticketId ? await firstAdmission(db, scan.ticketId) : null,
    opensAt: null,
    conflict: scan.conflict,
  };
}
