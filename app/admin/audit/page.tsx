// /admin/audit — the admin audit log, newest first: by actor (email), object (type and id),
// action and days, 50 entries a page, older pages by keyset.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listAuditLog } from '../../../lib/admin/list-audit-log';
import { localDayStart } from '../../../lib/i18n/local-day-start';
import { DEFAULT_VENUE_TIME_ZONE } from '../../../lib/refunds/cancellation-policy';
import { DayRangeFilter, ListFilters, SelectFilter, TextFilter } from '../../../components/admin/list-filters';
import { listHref } from '../../../components/admin/list-pager';
import { ListTable } from '../../../components/admin/list-table';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';

export async function generateMetadata() {
  return { title: (await getTranslations('adminLists.audit'))('title') };
}

type Search = { actor?: string; entityType?: string; entityId?: string; action?: string; from?: string; until?: string; before?: string };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const json = (value: unknown) => (value === null || value === undefined ? '—' : JSON.stringify(value));

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const search = await searchParams;
  const filters = {
    actor: search.actor,
    entityType: search.entityType,
    entityId: search.entityId,
    action: search.action,
    from: localDayStart(search.from, DEFAULT_VENUE_TIME_ZONE),
    until: localDayStart(search.until, DEFAULT_VENUE_TIME_ZONE, 1),
    before: search.before && UUID.test(search.before) ? search.before : undefined,
  };
  const [log, t, tc, format] = await Promise.all([
    listAuditLog(db(), filters),
    getTranslations('adminLists.audit'),
    getTranslations('adminLists.common'),
    getFormat(),
  ]);

  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <ListFilters>
        <TextFilter label={t('actor')} name="actor" defaultValue={search.actor} type="search" />
        <SelectFilter label={t('entityType')} name="entityType" defaultValue={search.entityType} anyLabel={t('anyType')} options={log.entityTypes.map((type) => ({ value: type, label: type }))} />
        <TextFilter label={t('entityId')} name="entityId" defaultValue={search.entityId} />
        <TextFilter label={t('action')} name="action" defaultValue={search.action} />
        <DayRangeFilter from={search.from} until={search.until} />
      </ListFilters>
      <p className="text-xs text-zinc-700">{t('zone')}</p>

      <ListTable
        testId="audit-log"
        columns={[t('when'), t('who'), t('action'), t('object'), t('before'), t('after')]}
        rows={log.entries}
        none={t('none')}
        renderRow={(entry) => (
          <tr key={entry.id} className="border-b border-zinc-100 align-top" data-testid="audit-entry">
            <td className="py-2 pr-3 whitespace-nowrap">{format.dateTime(entry.createdAt, DEFAULT_VENUE_TIME_ZONE, 'short')}</td>
            <td className="py-2 pr-3">{entry.actorEmail ?? t('system')}</td>
            <td className="py-2 pr-3 font-mono text-xs">{entry.action}</td>
            <td className="py-2 pr-3">
              <Link href={listHref('/admin/audit', { entityType: entry.entityType, entityId: entry.entityId })} className="font-mono text-xs underline">
                {entry.entityType}:{entry.entityId}
              </Link>
            </td>
            <td className="max-w-xs py-2 pr-3 font-mono text-xs break-all">{json(entry.before)}</td>
            <td className="max-w-xs py-2 font-mono text-xs break-all">{json(entry.after)}</td>
          </tr>
        )}
      />
      <nav className="flex items-center gap-4 text-sm" aria-label={tc('pages')}>
        {filters.before && (
          <Link href={listHref('/admin/audit', search, { before: undefined })} className="underline">
            {t('newest')}
          </Link>
        )}
        {log.nextBefore && (
          <Link href={listHref('/admin/audit', search, { before: log.nextBefore })} className="underline">
            {t('older')}
          </Link>
        )}
      </nav>
    </section>
  );
}
