// The admin payments list: filters (state, method, days, event) in the query string, 25 a page.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { localDayStart } from '../../../lib/i18n/local-day-start';
import { DEFAULT_VENUE_TIME_ZONE } from '../../../lib/refunds/cancellation-policy';
import { listAdminPayments } from '../../../lib/refunds/list-admin-payments';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';
import { formatZoneLabel } from '../../../lib/i18n/format-zone-label';

const STATES = ['READY', 'PAY_PENDING', 'VIRTUAL_ACCOUNT_ISSUED', 'PAID', 'FAILED', 'CANCELLED', 'PARTIAL_CANCELLED'] as const;
// Days are picked on the platform's business calendar (default Asia/Seoul) and sent as instants.
const dayStart = (day: string | undefined, plusDays = 0) => localDayStart(day, DEFAULT_VENUE_TIME_ZONE, plusDays);

export async function generateMetadata() {
  return { title: (await getTranslations('admin.payments'))('title') };
}

type Search = { q?: string; status?: string; method?: string; from?: string; until?: string; eventId?: string; page?: string };

export default async function AdminPaymentsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const filters = {
    q: search.q,
    status: STATES.find((s) => s === search.status),
    method: search.method || undefined,
    from: dayStart(search.from),
    until: dayStart(search.until, 1),
    eventId: search.eventId || undefined,
    page: Number(search.page) > 0 ? Number(search.page) : 1,
  };
  const [list, t, tl, format] = await Promise.all([listAdminPayments(db(), filters), getTranslations('admin.payments'), getTranslations('adminLists.payments'), getFormat()]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const pageHref = (page: number) => `/admin/payments?${new URLSearchParams({ ...Object.fromEntries(Object.entries(search).filter(([, v]) => v)), page: String(page) })}`;

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 text-sm" aria-label={t('filters')}>
        <label className="flex flex-col">
          {tl('searchLabel')}
          <input type="search" name="q" defaultValue={search.q ?? ''} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t('status')}
          <select name="status" defaultValue={search.status ?? ''} className="rounded border px-2 py-1">
            <option value="">{t('anyStatus')}</option>
            {STATES.map((s) => (
              <option key={s} value={s}>{t(`states.${s}`)}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t('method')}
          <select name="method" defaultValue={search.method ?? ''} className="rounded border px-2 py-1">
            <option value="">{t('anyStatus')}</option>
            {list.methods.map((m) => (
              <option key={m} value={m}>{m}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t('from')}
          <input type="date" name="from" defaultValue={search.from ?? ''} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t('until')}
          <input type="date" name="until" defaultValue={search.until ?? ''} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t('event')}
          <select name="eventId" defaultValue={search.eventId ?? ''} className="rounded border px-2 py-1">
            <option value="">{t('anyEvent')}</option>
            {list.events.map((e) => (
              <option key={e.id} value={e.id}>{e.title}</option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white">{t('apply')}</button>
      </form>

      {list.payments.length === 0 ? (
        <p className="text-zinc-600">{t('none')}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm" data-testid="admin-payments">
            <thead className="border-b text-zinc-600">
              <tr>
                <th className="py-2 pr-3">{t('created')}</th>
                <th className="py-2 pr-3">{t('status')}</th>
                <th className="py-2 pr-3">{t('method')}</th>
                <th className="py-2 pr-3 text-right">{t('amount')}</th>
                <th className="py-2 pr-3 text-right">{t('cancelled')}</th>
                <th className="py-2 pr-3">{t('event')}</th>
                <th className="py-2 pr-3">{t('user')}</th>
                <th className="py-2" />
              </tr>
            </thead>
            <tbody>
              {list.payments.map((p) => (
                <tr key={p.id} className="border-b border-zinc-100">
                  <td className="py-2 pr-3 whitespace-nowrap">
                    {format.dateTime(p.createdAt, p.timeZone, 'short')}
                    <span className="block text-xs text-zinc-600">{formatZoneLabel(p.timeZone, new Date(p.createdAt))}</span>
                  </td>
                  <td className="py-2 pr-3">{t(`states.${p.status as (typeof STATES)[number]}`)}</td>
                  <td className="py-2 pr-3">{p.method ?? '—'}</td>
                  <td className="py-2 pr-3 text-right">{format.krw(p.amountKrw)}</td>
                  <td className="py-2 pr-3 text-right">{p.cancelledKrw ? format.krw(p.cancelledKrw) : '—'}</td>
                  <td className="py-2 pr-3">{p.eventTitle ?? '—'}</td>
                  <td className="py-2 pr-3">{p.userEmail ?? '—'}</td>
                  <td className="py-2">
                    <Link href={`/admin/payments/${p.id}`} className="underline">{t('open')}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="flex items-center gap-4 text-sm" aria-label={t('page', { page: list.page, pages, total: list.total })}>
        {list.page > 1 && <Link href={pageHref(list.page - 1)} className="underline">{t('prev')}</Link>}
        <span>{t('page', { page: list.page, pages, total: list.total })}</span>
        {list.page < pages && <Link href={pageHref(list.page + 1)} className="underline">{t('next')}</Link>}
      </nav>
    </section>
  );
}
