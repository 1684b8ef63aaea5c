// The event list's filters: a plain GET form, so filtering works before (and without) JavaScript
// and every filtered list has a shareable URL.
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { CatalogFilters } from '../../lib/catalog/list-catalog-filters';
import { GENRES } from '../../lib/catalog/genres';

export type FilterValues = Partial<Record<'q' | 'from' | 'to' | 'venue' | 'artist' | 'genre', string>>;

const input = 'mt-1 block w-full rounded border border-zinc-300 bg-white px-2 py-1.5 text-sm';

export function EventFilters({ options, values }: { options: CatalogFilters; values: FilterValues }) {
  const t = useTranslations('events');
  return (
    <form method="get" action="/events" role="search" aria-label={t('filters.label')} className="mb-6 grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7">
      <label className="text-sm sm:col-span-3 lg:col-span-2">
        {t('filters.search')}
        <input name="q" type="search" defaultValue={values.q} placeholder={t('filters.searchPlaceholder')} className={input} />
      </label>
      <label className="text-sm">
        {t('filters.from')}
        <input name="from" type="date" defaultValue={values.from} className={input} />
      </label>
      <label className="text-sm">
        {t('filters.to')}
        <input name="to" type="date" defaultValue={values.to} className={input} />
      </label>
      <label className="text-sm">
        {t('filters.venue')}
        <select name="venue" defaultValue={values.venue ?? ''} className={input}>
          <option value="">{t('filters.allVenues')}</option>
          {options.venues.map((v) => (
            <option key={v.slug} value={v.slug}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        {t('filters.artist')}
        <select name="artist" defaultValue={values.artist ?? ''} className={input}>
          <option value="">{t('filters.allArtists')}</option>
          {options.artists.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        {t('filters.genre')}
        <select name="genre" defaultValue={values.genre ?? ''} className={input}>
          <option value="">{t('filters.allGenres')}</option>
          {GENRES.map((g) => (
            <option key={g} value={g}>
              {t(`genres.${g}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-7">
        <button type="submit" className="rounded bg-rose-700 px-4 py-1.5 text-sm font-semibold text-white hover:bg-rose-800">
          {t('filters.apply')}
        </button>
        <Link href="/events" className="text-sm text-zinc-700 underline">
          {t('filters.clear')}
        </Link>
      </div>
    </form>
  );
}
