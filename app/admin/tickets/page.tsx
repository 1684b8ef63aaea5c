// /admin/tickets — tickets by id or holder, state and event, 25 a page; each opens its own page
// (/admin/tickets/[id]: check-ins, scans and transfers).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listAdminEventOptions } from '../../../lib/admin/list-admin-event-options';
import { listAdminTickets } from '../../../lib/admin/list-admin-tickets';
import { DEFAULT_VENUE_TIME_ZONE } from '../../../lib/refunds/cancellation-policy';
import { ListFilters, SelectFilter, TextFilter } from '../../../components/admin/list-filters';
import { ListPager } from '../../../components/admin/list-pager';
import { ListTable } from '../../../components/admin/list-table';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';

export async function generateMetadata() {
  return { title: (await getTranslations('adminLists.tickets'))('title') };
}

const STATES = ['ISSUED', 'USED', 'CANCELLED', 'REFUNDED'] as const;
type Search = { q?: string; status?: string; eventId?: string; page?: string };

export default async function AdminTicketsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const filters = {
    q: search.q,
    status: STATES.find((s) => s === search.status),
    eventId: search.eventId || undefined,
    page: Number(search.page) > 0 ? Number(search.page) : 1,
  };
  const [list, events, t, tc, format] = await Promise.all([
    listAdminTickets(db(), filters),
    listAdminEventOptions(db()),
    getTranslations('adminLists.tickets'),
    getTranslations('adminLists.common'),
    getFormat(),
  ]);

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ListFilters>
        <TextFilter label={t('searchLabel')} name="q" defaultValue={search.q} type="search" />
        <SelectFilter label={tc('status')} name="status" defaultValue={filters.status} anyLabel={tc('any')} options={STATES.map((s) => ({ value: s, label: t(`states.${s}`) }))} />
        <SelectFilter label={tc('event')} name="eventId" defaultValue={search.eventId} anyLabel={tc('anyEvent')} options={events.map((e) => ({ value: e.id, label: e.title }))} />
      </ListFilters>

      <ListTable
        testId="admin-tickets"
        columns={[t('issued'), tc('status'), tc('event'), t('performance'), t('seat'), t('grade'), t('owner'), t('used'), { label: t('transfers'), numeric: true }, '']}
        rows={list.rows}
        none={t('none')}
        renderRow={(ticket) => (
          <tr key={ticket.id} className="border-b border-zinc-100">
            <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(ticket.issuedAt, DEFAULT_VENUE_TIME_ZONE, 'short')}</td>
            <td className="py-2 pr-3">{t(`states.${ticket.status}`)}</td>
            <td className="py-2 pr-3">{ticket.eventTitle}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(ticket.performanceStartsAt, ticket.timeZone, 'short')}</td>
            <td className="py-2 pr-3">{format.seat(ticket.seat)}</td>
            <td className="py-2 pr-3">{ticket.grade}</td>
            <td className="py-2 pr-3">{ticket.ownerEmail ?? '—'}</td>
            <td className="py-2 pr-3 whitespace-nowrap">{ticket.usedAt ? format.dateTime(ticket.usedAt, ticket.timeZone, 'short') : '—'}</td>
            <td className="py-2 pr-3 text-right">{format.number(ticket.transferCount)}</td>
            <td className="py-2">
              <Link href={`/admin/tickets/${ticket.id}`} className="underline">
                {tc('open')}
              </Link>
            </td>
          </tr>
        )}
      />
      <ListPager basePath="/admin/tickets" search={search} page={list.page} pageSize={list.pageSize} total={list.total} />
    </section>
  );
}
