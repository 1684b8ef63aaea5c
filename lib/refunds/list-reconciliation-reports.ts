// The reconciliation page: the latest daily reports with their mismatches, open ones first.
import type { Db } from '../db/create-prisma';

export type ReconciliationReportView = {
  id: string;
  day: string;
  ourCount: number;
  portoneCount: number;
  mismatchCount: number;
  ranAt: string;
  mismatches: { id: string; portonePaymentId: string; paymentId: string | null; kind: string; ours: unknown; theirs: unknown; status: string; resolution: string | null; resolvedAt: string | null }[];
};

export async function listReconciliationReports(db: Db, limit = 14): Promise<ReconciliationReportView[]> {
  const reports = await db.reconciliationReport.findMany({
    orderBy: { day: 'desc' },
    take: limit,
    include: { mismatches: { orderBy: [{ status: 'asc' }, { portonePaymentId: 'asc' }] } },
  });
  const ids = [...new Set(reports.flatMap((r) => r.mismatches.map((m) => m.portonePaymentId)))];
  const ours = await db.payment.findMany({ where: { portonePaymentId: { in: ids } }, select: { id: true, portonePaymentId: true } });
  const paymentIdOf = new Map(ours.map((p) => [p.portonePaymentId, p.id]));
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
      paymentId: paymentIdOf.get(m.portonePaymentId) ?? null,
      kind: m.kind,
      ours: m.ours,
      theirs: m.theirs,
      status: m.status,
      resolution: m.resolution,
      resolvedAt: m.resolvedAt?.toISOString() ?? null,
    })),
  }));
}
