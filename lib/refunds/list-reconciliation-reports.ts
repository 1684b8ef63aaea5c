// The reconciliation page: the latest daily reports with their mismatches, open ones first.
import type { Db } from '../db/create-prisma';

export type ReconciliationReportView = {
  id: string;
  day: string;
  ourCount: number;
  portoneCount: number;
  mismatchCount: number;
  ranAt: string;
  mismatches: { id: string; portonePaymentId: string; kind: string; ours: unknown; theirs: unknown; status: string; resolution: string | null; resolvedAt: string | null }[];
};

export async function listReconciliationReports(db: Db, limit = 14): Promise<ReconciliationReportView[]> {
  const reports = await db.reconciliationReport.findMany({
    orderBy: { day: 'desc' },
    take: limit,
    include: { mismatches: { orderBy: [{ status: 'asc' }, { portonePaymentId: 'asc' }] } },
  });
  return reports.map((r) => ({
    id: r.id,
    day: r.day.toISOString().slice(0, 10),
    ourCount: r.ourCount,
    portoneCount: r.portoneCount,
    mismatchCount: r.mismatchCount,
    ranAt: r.ranAt.toISOString(),
    mismatches: r.mismatches.map((m) => ({
      id: m.id,
      portonePaymentId: m.portonePaymentId,
      kind: m.kind,
      ours: m.ours,
      theirs: m.theirs,
      status: m.status,
      resolution: m.resolution,
      resolvedAt: m.resolvedAt?.toISOString() ?? null,
    })),
  }));
}
