// The signed list a scanner keeps for offline mode: every live ticket of the performance (code,
// seat, grade, gate, holder's name, whether it went in) and every revoked code. Only staff of the
// event may fetch it; it holds names, as the door's online answers do.
import { sign } from 'node:crypto';
import type { Db } from '../db/create-prisma';
import type { TicketKeys } from '../tickets/load-ticket-keys';
import { base64url, shortTicketIdOf } from '../tickets/ticket-qr-layout';
import { assertCanScan } from './assert-can-scan';
import type { OfflinePack, SignedOfflinePack } from './offline-pack';

export async function buildOfflinePack(deps: { db: Db; keys: TicketKeys; opensMinutesBefore: number }, staffId: string, performanceId: string, now: Date): Promise<SignedOfflinePack> {
  const performance = await assertCanScan(deps.db, staffId, performanceId);
  const [tickets, revocations] = await Promise.all([
    deps.db.$queryRaw<
      { id: string; code: string; status: 'ISSUED' | 'USED'; section: string; row_label: string; number: number; grade: string; gate: string | null; holder: string | null; admitted_at: Date | null; admitted_by: string | null; admitted_gate: string | null }[]
    >`
      SELECT t.id, t.code, t.status::text AS status, sec.name AS section, s.row_label, s.number, s.grade, sec.gate, u.name AS holder, c.scanned_at AS admitted_at, c.device_id AS admitted_by, c.gate AS admitted_gate
        FROM ticket.tickets t
        JOIN ticket.seats s ON s.id = t.seat_id
        JOIN ticket.sections sec ON sec.id = s.section_id
        JOIN auth.users u ON u.id = t.owner_id
        LEFT JOIN ticket.check_ins c ON c.ticket_id = t.id
       WHERE t.performance_id = ${performanceId}::uuid AND t.status IN ('ISSUED', 'USED')
       ORDER BY s.ordinal`,
    deps.db.ticketRevocation.findMany({ where: { performanceId }, select: { code: true, performanceId: true, reason: true } }),
  ]);
  const pack: OfflinePack = {
    performanceId,
    generatedAt: now.toISOString(),
    startsAt: performance.startsAt.toISOString(),
    opensAt: new Date(performance.startsAt.getTime() - deps.opensMinutesBefore * 60_000).toISOString(),
    tickets: tickets.map((t) => ({
      id: t.id,
      shortId: shortTicketIdOf(t.id),
      code: t.code,
      status: t.status,
      section: t.section,
      row: t.row_label,
      number: t.number,
      grade: t.grade,
      gate: t.gate,
      holderName: t.holder ?? '',
      admitted: t.admitted_at ? { at: t.admitted_at.toISOString(), deviceId: t.admitted_by ?? '', gate: t.admitted_gate ?? '' } : null,
    })),
    revocations,
  };
  const body = JSON.stringify(pack);
  return { body, signature: base64url.encode(sign(null, Buffer.from(body, 'utf8'), deps.keys.privateKey)), publicKey: deps.keys.publicKeyBase64url };
}
