// The daily reconciliation: every payment PortOne lists for one day (cursor API, 1,000 a page)
// against ours for the same day, by payment id. Each difference becomes a mismatch row on the
// admin page: missing on either side, a different state, a different paid or cancelled amount.
// Running it again for the same day adds what is new and keeps what an admin already resolved.
// An admin's run (`actor`) is audited with the report it wrote; the payments role's nightly run is not.
import type { AdminActor } from '../catalog/admin/admin-actor';
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import type { PortOne } from '../payments/portone-client';
import { DEFAULT_VENUE_TIME_ZONE } from './cancellation-policy';
import { addDays, fromLocal, type LocalDate } from './venue-calendar';

export type MismatchKind = 'missing_here' | 'missing_at_portone' | 'status' | 'amount' | 'cancelled_amount';
export type ReconciliationMismatchFound = { portonePaymentId: string; kind: MismatchKind; ours: unknown; theirs: unknown };
export type ReconciliationReportResult = { reportId: string; day: string; ourCount: number; portoneCount: number; mismatches: ReconciliationMismatchFound[] };

type Theirs = { id: string; status: string; paid: number; cancelled: number };

const PAGE_SIZE = 1_000;

async function listPortOneDay(portOne: PortOne, from: Date, until: Date): Promise<Theirs[]> {
  const found: Theirs[] = [];
  let cursor: string | undefined;
  for (;;) {
    const { items } = await portOne.payment.getAllPaymentsByCursor({ storeId: portOne.storeId, from: from.toISOString(), until: until.toISOString(), cursor, size: PAGE_SIZE });
    for (const { payment } of items) {
      if (!('id' in payment)) continue;
      const amount = 'amount' in payment ? payment.amount : { paid: 0, cancelled: 0 };
      found.push({ id: payment.id, status: payment.status, paid: amount.paid ?? 0, cancelled: amount.cancelled ?? 0 });
    }
    if (items.length < PAGE_SIZE) return found;
    cursor = items[items.length - 1]!.cursor;
  }
}

export async function buildReconciliationReport(
  deps: { db: Db; portOne: PortOne },
  input: { day: string; timeZone?: string; actor?: AdminActor },
  now: Date,
): Promise<ReconciliationReportResult> {
  const [year, month, dayOfMonth] = input.day.split('-').map(Number) as [number, number, number];
  const date: LocalDate = { year, month, day: dayOfMonth };
  const zone = input.timeZone ?? DEFAULT_VENUE_TIME_ZONE;
  const from = fromLocal(date, 0, 0, zone);
  const until = fromLocal(addDays(date, 1), 0, 0, zone);

  const [theirs, ours] = await Promise.all([
    listPortOneDay(deps.portOne, from, until),
    deps.db.payment.findMany({
      where: { createdAt: { gte: from, lt: until } },
      select: { portonePaymentId: true, status: true, amountKrw: true, cancelledKrw: true },
    }),
  ]);
  const theirsById = new Map(theirs.map((t) => [t.id, t]));
  const oursById = new Map(ours.map((o) => [o.portonePaymentId, o]));
  const mismatches: ReconciliationMismatchFound[] = [];
  for (const t of theirs) {
    const o = oursById.get(t.id);
    if (!o) {
      mismatches.push({ portonePaymentId: t.id, kind: 'missing_here', ours: null, theirs: t });
      continue;
    }
    const mine = { status: o.status, amountKrw: o.amountKrw, cancelledKrw: o.cancelledKrw };
    if (o.status !== t.status) mismatches.push({ portonePaymentId: t.id, kind: 'status', ours: mine, theirs: t });
    const paidHere = ['PAID', 'PARTIAL_CANCELLED', 'CANCELLED'].includes(o.status) ? o.amountKrw : 0;
    if (t.paid !== paidHere) mismatches.push({ portonePaymentId: t.id, kind: 'amount', ours: mine, theirs: t });
    if (t.cancelled !== o.cancelledKrw) mismatches.push({ portonePaymentId: t.id, kind: 'cancelled_amount', ours: mine, theirs: t });
  }
  for (const o of ours) {
    // A payment whose window was never opened exists only here, by design.
    if (!theirsById.has(o.portonePaymentId) && o.status !== 'READY' && o.status !== 'FAILED') {
      mismatches.push({ portonePaymentId: o.portonePaymentId, kind: 'missing_at_portone', ours: { status: o.status, amountKrw: o.amountKrw }, theirs: null });
    }
  }

  const dayValue = new Date(Date.UTC(year, month - 1, dayOfMonth));
  const reportId = await deps.db.$transaction(async (tx) => {
    const report = await tx.reconciliationReport.upsert({
      where: { day: dayValue },
      create: { day: dayValue, ourCount: ours.length, portoneCount: theirs.length, mismatchCount: mismatches.length, ranAt: now },
      update: { ourCount: ours.length, portoneCount: theirs.length, mismatchCount: mismatches.length, ranAt: now },
    });
    await tx.reconciliationMismatch.createMany({
      data: mismatches.map((m) => ({ reportId: report.id, portonePaymentId: m.portonePaymentId, kind: m.kind, ours: m.ours ?? undefined, theirs: m.theirs ?? undefined })),
      skipDuplicates: true,
    });
    if (input.actor) {
      await recordAdminChange(tx, {
        ...input.actor,
        action: 'reconciliation.run',
        entityType: 'reconciliation_report',
        entityId: report.id,
        after: { day: input.day, ourCount: ours.length, portoneCount: theirs.length, mismatchCount: mismatches.length },
      });
    }
    return report.id;
  });
  return { reportId, day: input.day, ourCount: ours.length, portoneCount: theirs.length, mismatches };
}
