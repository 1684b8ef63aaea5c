// Checked in against sold for one performance, per gate and per grade, and every double entry found
// when offline scans synced: the scanner's live count and the admin's check-in report.
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';

export type CheckInCount = { sold: number; checkedIn: number };
export type CheckInConflict = {
  scanId: string;
  ticketId: string;
  seat: { section: string; row: string; number: number };
  grade: string;
  /** The offline admission that turned out to be the second. */
  scannedAt: string;
  gate: string;
  deviceId: string;
  /** The admission that counted. */
  admittedAt: string;
  admittedGate: string;
  admittedDeviceId: string;
};
export type CheckInReport = {
  performanceId: string;
  /** The venue's zone, in which the report's times are read. */
  timeZone: string;
  total: CheckInCount;
  /** Keyed by the ticket's gate; null = the main gate. */
  byGate: Array<CheckInCount & { gate: string | null }>;
  byGrade: Array<CheckInCount & { grade: string }>;
  conflicts: CheckInConflict[];
};

export async function getCheckInReport(db: Db, performanceId: string): Promise<CheckInReport> {
  const performance = await db.performance.findUnique({ where: { id: performanceId }, select: { hall: { select: { venue: { select: { timeZone: true } } } } } });
  if (!performance) throw notFound('Performance');
  const [counts, conflicts] = await Promise.all([
    db.$queryRaw<{ gate: string | null; grade: string; sold: number; checked_in: number }[]>`
      SELECT sec.gate, s.grade, count(*)::int AS sold, count(c.id)::int AS checked_in
        FROM ticket.tickets t
        JOIN ticket.seats s ON s.id = t.seat_id
        JOIN ticket.sections sec ON sec.id = s.section_id
        LEFT JOIN ticket.check_ins c ON c.ticket_id = t.id
       WHERE t.performance_id = ${performanceId}::uuid AND t.status IN ('ISSUED', 'USED')
       GROUP BY sec.gate, s.grade`,
    db.$queryRaw<
      { id: string; ticket_id: string; section: string; row_label: string; number: number; grade: string; scanned_at: Date; gate: string; device_id: string; admitted_at: Date; admitted_gate: string; admitted_by: string }[]
    >`
      SELECT sc.id, sc.ticket_id, sec.name AS section, s.row_label, s.number, s.grade, sc.scanned_at, sc.gate, sc.device_id,
             c.scanned_at AS admitted_at, c.gate AS admitted_gate, c.device_id AS admitted_by
        FROM ticket.ticket_scans sc
        JOIN ticket.tickets t ON t.id = sc.ticket_id
        JOIN ticket.seats s ON s.id = t.seat_id
        JOIN ticket.sections sec ON sec.id = s.section_id
        JOIN ticket.check_ins c ON c.ticket_id = t.id
       WHERE sc.performance_id = ${performanceId}::uuid AND sc.conflict
       ORDER BY sc.scanned_at`,
  ]);
  const sum = (rows: typeof counts) => rows.reduce((acc, r) => ({ sold: acc.sold + r.sold, checkedIn: acc.checkedIn + r.checked_in }), { sold: 0, checkedIn: 0 });
  const group = <K extends 'gate' | 'grade'>(key: K) => {
    const groups = new Map<string | null, typeof counts>();
    for (const row of counts) groups.set(row[key], [...(groups.get(row[key]) ?? []), row]);
    return [...groups].sort(([a], [b]) => (a ?? '').localeCompare(b ?? '')).map(([value, rows]) => ({ [key]: value, ...sum(rows) }) as CheckInCount & Record<K, string>);
  };
  return {
    performanceId,
    timeZone: performance.hall.venue.timeZone,
    total: sum(counts),
    byGate: group('gate') as Array<CheckInCount & { gate: string | null }>,
    byGrade: group('grade'),
    conflicts: conflicts.map((c) => ({
      scanId: c.id,
      ticketId: c.ticket_id,
      seat: { section: c.section, row: c.row_label, number: c.number },
      grade: c.grade,
      scannedAt: c.scanned_at.toISOString(),
      gate: c.gate,
      deviceId: c.device_id,
      admittedAt: c.admitted_at.toISOString(),
      admittedGate: c.admitted_gate,
      admittedDeviceId: c.admitted_by,
    })),
  };
}
