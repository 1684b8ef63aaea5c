// Admin: one performance's check-in report — checked in against sold per gate and grade, and the
// double entries found when offline scanners synced.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { AppError } from '../../../../lib/errors/app-error';
import { getCheckInReport } from '../../../../lib/check-in/get-check-in-report';
import { db } from '../../../_server/clients';
import { getFormat } from '../../../_server/get-format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('checkIn.admin'))('report') };
}

export default async function CheckInReportPage({ params }: { params: Promise<{ performanceId: string }> }) {
  const { performanceId } = await params;
  const [report, t, tc, format] = await Promise.all([
    getCheckInReport(db(), performanceId).catch((error) => {
      if (error instanceof AppError && error.code === 'not_found') notFound();
      throw error;
    }),
    getTranslations('checkIn.admin'), getTranslations('checkIn'), getFormat()]);
  const gate = (value: string | null) => (value === null || value === 'main' ? tc('mainGate') : value);
  const table = (caption: string, head: string, rows: Array<{ key: string; label: string; sold: number; checkedIn: number }>) => (
    <table className="mt-4 w-full max-w-lg text-sm">
      <caption className="text-left font-semibold">{caption}</caption>
      <thead>
        <tr className="border-b border-zinc-300 text-left">
          <th scope="col">{head}</th>
          <th scope="col" className="text-right">
            {tc('counts.checkedIn')}
          </th>
          <th scope="col" className="text-right">
            {tc('counts.sold')}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-zinc-100">
            <td>{row.label}</td>
            <td className="text-right tabular-nums">{row.checkedIn}</td>
            <td className="text-right tabular-nums">{row.sold}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section>
      <p className="text-sm">
        <Link href="/admin/check-in" className="underline">
          ← {t('title')}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">{t('report')}</h1>
      <p className="mt-2 text-lg tabular-nums" data-testid="report-total">
        {tc('counts.total', { checkedIn: report.total.checkedIn, sold: report.total.sold })}
      </p>
      {table(tc('counts.byGate'), tc('counts.gate'), report.byGate.map((g) => ({ key: g.gate ?? '', label: gate(g.gate), ...g })))}
      {table(tc('counts.byGrade'), tc('counts.grade'), report.byGrade.map((g) => ({ key: g.grade, label: g.grade, ...g })))}
      <h2 className="mt-6 font-semibold">{tc('counts.conflicts')}</h2>
      {report.conflicts.length === 0 ? (
        <p className="text-sm text-zinc-700">{tc('counts.noConflicts')}</p>
      ) : (
        <ul className="mt-2 space-y-1 text-sm" data-testid="report-conflicts">
          {report.conflicts.map((c) => (
            <li key={c.scanId}>
              {tc('counts.conflictRow', {
                seat: format.seat(c.seat),
                gate: gate(c.gate),
                time: format.dateTime(c.scannedAt, report.timeZone, 'short'),
                admittedGate: gate(c.admittedGate),
                admittedTime: format.dateTime(c.admittedAt, report.timeZone, 'short'),
              })}{' '}
              ({c.deviceId} / {c.admittedDeviceId})
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
