// /admin/payments — payments by PortOne id or email, state, method, days and event, 25 a page; each opens its own page.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { localDayStart } from '../../../lib/i18n/local-day-start';
import { DEFAULT_VENUE_TIME_ZONE } from '../../../lib/refunds/cancellation-policy';
import { listAdminPayments } from '../../../lib/refunds/list-admin-payments';
import { DayRangeFilter, ListFilters, SelectFilter, TextFilter } from '../../../components/admin/list-filters';
import { ListPager } from '../../../components/admin/list-pager';
import { ListTable } from '../../../components/admin/list-table';
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
  const [list, t, tl, tc, format] = await Promise.all([listAdminPayments(db(), filters), getTranslations('admin.payments'), getTranslations('adminLists.payments'), getTranslations('adminLists.common'), getFormat()]);

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ListFilters>
        <TextFilter label={tl('searchLabel')} name="q" defaultValue={search.q} type="search" />
        <SelectFilter label={t('status')} name="status" defaultValue={search.status} anyLabel={tc('any')} options={STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))} />
        <SelectFilter label={t('method')} name="method" defaultValue={search.method} anyLabel={tc('any')} options={list.methods.map((m) => ({ value: m, label: m }))} />
        <DayRangeFilter from={search.from} until={search.until} />
        <SelectFilter label={tc('event')} name="eventId" defaultValue={search.eventId} anyLabel={t('anyEvent')} options={list.events.map((e) => ({ value: e.id, label: e.title }))} />
      </ListFilters>

      <ListTable
        testId="admin-payments"
        columns={[tc('created'), t('status'), t('method'), { label: t('amount'), numeric: true }, { label: t('cancelled'), numeric: true }, tc('event'), t('user'), '']}
        rows={list.payments}
        none={t('none')}
        renderRow={(p) => (
          <tr key={p.id} className="border-b border-zinc-100">
            <td className="py-2 pr-3 whitespace-nowrap">
              {format.dateTime(p.createdAt, p.timeZone, 'short')}
              <span className="block text-xs text-zinc-700">{formatZoneLabel(p.timeZone, new Date(p.createdAt))}</span>
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
        )}
      />
      <ListPager basePath="/admin/payments" search={search} page={list.page} pageSize={list.pageSize} total={list.total} />
    </section>
  );
}
