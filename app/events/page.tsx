// /events — the event list with search and filters, sorted by date, one cursor page at a time.
import Link from 'next/link';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { listCatalogFilters } from '../../lib/catalog/list-catalog-filters';
import { searchEvents, type EventPage } from '../../lib/catalog/search-events';
import { toErrorResponse } from '../../lib/errors/http-status';
import { EventCard } from '../../components/catalog/event-card';
import { EventFilters, type FilterValues } from '../../components/catalog/event-filters';
import { db, redis } from '../_server/clients';

export async function generateMetadata() {
  return { title: (await getTranslations('events'))('title') };
}

const KEYS = ['q', 'from', 'to', 'venue', 'artist', 'genre', 'cursor'] as const;

export default async function EventsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const t = await getTranslations('events');
  const raw = await searchParams;
  // Empty form fields arrive as `venue=`: they mean "any", not an invalid slug.
  const values = Object.fromEntries(KEYS.flatMap((k) => {
    const v = raw[k];
    const first = Array.isArray(v) ? v[0] : v;
    return first ? [[k, first]] : [];
  })) as FilterValues & { cursor?: string };

  const options = await listCatalogFilters(db(), redis());
  let page: EventPage | null = null;
  let problem: string | null = null;
  try {
    page = await searchEvents(db(), redis(), values);
  } catch (error) {
    const { status, body } = toErrorResponse(error);
    if (status >= 500) throw error;
    problem = body.error.message;
  }
  const next = page?.nextCursor ? `/events?${new URLSearchParams({ ...values, cursor: page.nextCursor })}` : null;

  return (
    <section>
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <EventFilters options={options} values={values} />
      {problem && (
        <p role="alert" className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          {problem}
        </p>
      )}
      {page && page.events.length === 0 && <p className="text-zinc-600">{t('empty')}</p>}
      {page && page.events.length > 0 && (
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('listLabel')}>
          {page.events.map((event) => (
            <EventCard key={event.id} event={event} />
          ))}
        </ul>
      )}
      {next && (
        <p className="mt-6">
          <Link href={next} className="rounded border border-zinc-300 bg-white px-4 py-2 text-sm hover:bg-zinc-100">
            {t('more')}
          </Link>
        </p>
      )}
    </section>
  );
}
