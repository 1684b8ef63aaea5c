// The daily reconciliation report: our payments against PortOne's list, day by day, with each
// mismatch, a resend-webhook and a resolve action (both audited).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { DEFAULT_VENUE_TIME_ZONE } from '../../../lib/refunds/cancellation-policy';
import { listReconciliationReports } from '../../../lib/refunds/list-reconciliation-reports';
import { getZonedParts } from '../../../lib/i18n/get-zoned-parts';
import { addDays } from '../../../lib/refunds/venue-calendar';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';
import { MismatchActions, RunReportForm } from './reconciliation-actions';

type Kind = 'missing_here' | 'missing_at_portone' | 'status' | 'amount' | 'cancelled_amount';

export async function generateMetadata() {
  return { title: (await getTranslations('admin.reconciliation'))('title') };
}

export default async function ReconciliationPage() {
  const [reports, t, format] = await Promise.all([listReconciliationReports(db()), getTranslations('admin.reconciliation'), getFormat()]);
  // Yesterday on the business calendar: the day the nightly run covers.
  const y = addDays(getZonedParts(new Date(), DEFAULT_VENUE_TIME_ZONE), -1);
  const yesterday = `${y.year}-${String(y.month).padStart(2, '0')}-${String(y.day).padStart(2, '0')}`;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-zinc-700">{t('intro')}</p>
      <RunReportForm defaultDay={yesterday} />
      {reports.length === 0 && <p className="text-zinc-600">{t('noReports')}</p>}
      {reports.map((report) => (
        <article key={report.id} className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="reconciliation-report">
          <h2 className="font-semibold">{t('report', { day: report.day, ours: report.ourCount, theirs: report.portoneCount, mismatches: report.mismatchCount })}</h2>
          <p className="text-xs text-zinc-600">{t('ranAt', { at: format.dateTime(report.ranAt, 'Asia/Seoul', 'short') })}</p>
          {report.mismatches.length === 0 ? (
            <p className="mt-2 text-sm text-zinc-600">{t('noMismatches')}</p>
          ) : (
            <div className="mt-2 overflow-x-auto">
              <table className="w-full text-left text-sm">
                <thead className="border-b text-zinc-600">
                  <tr>
                    <th className="py-1 pr-3">{t('paymentId')}</th>
                    <th className="py-1 pr-3">{t('kind')}</th>
                    <th className="py-1 pr-3">{t('ours')}</th>
                    <th className="py-1 pr-3">{t('theirs')}</th>
                    <th className="py-1">{t('actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {report.mismatches.map((m) => (
                    <tr key={m.id} className="border-b border-zinc-100 align-top" data-testid="reconciliation-mismatch">
                      <td className="py-1 pr-3 break-all">
                        {m.paymentId ? <Link href={`/admin/payments/${m.paymentId}`} className="underline">{m.portonePaymentId}</Link> : m.portonePaymentId}
                      </td>
                      <td className="py-1 pr-3">{t(`kinds.${m.kind as Kind}`)}</td>
                      <td className="py-1 pr-3"><code className="text-xs">{m.ours ? JSON.stringify(m.ours) : '—'}</code></td>
                      <td className="py-1 pr-3"><code className="text-xs">{m.theirs ? JSON.stringify(m.theirs) : '—'}</code></td>
                      <td className="py-1">{m.status === 'RESOLVED' ? t('resolved', { resolution: m.resolution ?? '' }) : <MismatchActions mismatchId={m.id} />}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </article>
      ))}
    </section>
  );
}
