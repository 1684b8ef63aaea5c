// /admin/reservations — reservations by id or buyer, state, event and creation days, 25 a page.
import { getTranslations } from 'next-intl/server';
import { listAdminReservations } from '../../../lib/admin/list-admin-reservations';
import { listAdminEventOptions } from '../../../lib/admin/list-admin-event-options';
import { localDayStart } from '../../../lib/i18n/local-day-start';
import { DEFAULT_VENUE_TIME_ZONE } from '../../../lib/refunds/cancellation-policy';
import { DayRangeFilter, ListFilters, SelectFilter, TextFilter } from '../../../components/admin/list-filters';
import { ListPager } from '../../../components/admin/list-pager';
import { ListTable } from '../../../components/admin/list-table';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';

export async function generateMetadata() {
  return { title: (await getTranslations('adminLists.reservations'))('title') };
}

const STATES = ['PENDING', 'AWAITING_DEPOSIT', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'REFUNDED'] as const;
type Search = { q?: string; status?: string; eventId?: string; from?: string; until?: string; page?: string };

export default async function AdminReservationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const filters = {
    q: search.q,
    status: STATES.find((s) => s === search.status),
    eventId: search.eventId || undefined,
    // Days are picked on the platform's business calendar and sent as instants.
    from: localDayStart(search.from, DEFAULT_VENUE_TIME_ZONE),
    until: localDayStart(search.until, DEFAULT_VENUE_TIME_ZONE, 1),
    page: Number(search.page) > 0 ? Number(search.page) : 1,
  };
  const [list, events, t, tc, ts, format] = await Promise.all([
    listAdminReservations(db(), filters),
    listAdminEventOptions(db()),
    getTranslations('adminLists.reservations'),
    getTranslations('adminLists.common'),
    getTranslations('reservations.status'),
    getFormat(),
  ]);

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ListFilters>
        <TextFilter label={t('searchLabel')} name="q" defaultValue={search.q} type="search" />
        <SelectFilter label={tc('status')} name="status" defaultValue={filters.status} anyLabel={tc('any')} options={STATES.map((s) => ({ value: s, label: ts(s) }))} />
        <SelectFilter label={tc('event')} name="eventId" defaultValue={search.eventId} anyLabel={tc('anyEvent')} options={events.map((e) => ({ value: e.id, label: e.title }))} />
        <DayRangeFilter from={search.from} until={search.until} />
      </ListFilters>

      <ListTable
        testId="admin-reservations"
        columns={[tc('created'), t('id'), tc('status'), tc('event'), t('performance'), { label: t('seats'), numeric: true }, { label: t('total'), numeric: true }, { label: t('fee'), numeric: true }, t('buyer')]}
        rows={list.rows}
        none={t('none')}
        renderRow={(r) => (
          <tr key={r.id} className="border-b border-zinc-100">
            <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(r.createdAt, DEFAULT_VENUE_TIME_ZONE, 'short')}</td>
            <td className="py-2 pr-3 font-mono text-xs">{r.id}</td>
            <td className="py-2 pr-3">{ts(r.status)}</td>
            <td className="py-2 pr-3">{r.eventTitle}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(r.performanceStartsAt, r.timeZone, 'short')}</td>
            <td className="py-2 pr-3 text-right">{format.number(r.seats)}</td>
            <td className="py-2 pr-3 text-right">{format.krw(r.totalKrw)}</td>
            <td className="py-2 pr-3 text-right">{r.bookingFeeKrw === null ? '—' : format.krw(r.bookingFeeKrw)}</td>
            <td className="py-2">{r.userEmail ?? '—'}</td>
          </tr>
        )}
      />
      <ListPager basePath="/admin/reservations" search={search} page={list.page} pageSize={list.pageSize} total={list.total} />
    </section>
  );
}
