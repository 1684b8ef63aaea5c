// The payments role's daily trigger: once the business day (default Asia/Seoul) is over, build
// its reconciliation report, once. Later runs of the loop find the report and do nothing; a role
// that was down over midnight builds it when it is back.
import type { Db } from '../db/create-prisma';
import type { PortOne } from '../payments/portone-client';
import { buildReconciliationReport, type ReconciliationReportResult } from './build-reconciliation-report';
import { DEFAULT_VENUE_TIME_ZONE } from './cancellation-policy';
import { addDays } from './venue-calendar';
import { getZonedParts } from '../i18n/get-zoned-parts';

export async function reconcilePreviousDay(deps: { db: Db; portOne: PortOne }, now: Date, timeZone = DEFAULT_VENUE_TIME_ZONE): Promise<ReconciliationReportResult | null> {
  const yesterday = addDays(getZonedParts(now, timeZone), -1);
  const day = `${yesterday.year}-${String(yesterday.month).padStart(2, '0')}-${String(yesterday.day).padStart(2, '0')}`;
  const existing = await deps.db.reconciliationReport.findUnique({ where: { day: new Date(`${day}T00:00:00Z`) }, select: { id: true } });
  if (existing) return null;
  return buildReconciliationReport(deps, { day, timeZone }, now);
}
