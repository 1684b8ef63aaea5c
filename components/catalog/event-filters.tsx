// The event list's filters: a plain GET form, so filtering works before (and without) JavaScript
// and every filtered list has a shareable URL.
import Link from 'next/link';
import type { CatalogFilters } from '../../lib/catalog/list-catalog-filters';
import { GENRES } from '../../lib/catalog/search-events';

export type FilterValues = Partial<Record<'q' | 'from' | 'to' | 'venue' | 'artist' | 'genre', string>>;

const input = 'mt-1 block w-full rounded border border-zinc-300 bg-white px-2 py-1.5 text-sm';

export function EventFilters({ options, values }: { options: CatalogFilters; values: FilterValues }) {
  return (
    <form method="get" action="/events" role="search" aria-label="Event filters" className="mb-6 grid gap-3 rounded-lg border border-zinc-200 bg-white p-4 sm:grid-cols-3 lg:grid-cols-7">
      <label className="text-sm sm:col-span-3 lg:col-span-2">
        Search
        <input name="q" type="search" defaultValue={values.q} placeholder="공연명, 아티스트 Title or artist" className={input} />
      </label>
      <label className="text-sm">
        From
        <input name="from" type="date" defaultValue={values.from} className={input} />
      </label>
      <label className="text-sm">
        To
        <input name="to" type="date" defaultValue={values.to} className={input} />
      </label>
      <label className="text-sm">
        Venue
        <select name="venue" defaultValue={values.venue ?? ''} className={input}>
          <option value="">All venues</option>
          {options.venues.map((v) => (
            <option key={v.slug} value={v.slug}>
              {v.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Artist
        <select name="artist" defaultValue={values.artist ?? ''} className={input}>
          <option value="">All artists</option>
          {options.artists.map((a) => (
            <option key={a.slug} value={a.slug}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        Genre
        <select name="genre" defaultValue={values.genre ?? ''} className={input}>
          <option value="">All genres</option>
          {GENRES.map((g) => (
            <option key={g} value={g}>
              {g.charAt(0) + g.slice(1).toLowerCase()}
            </option>
          ))}
        </select>
      </label>
      <div className="flex items-end gap-3 sm:col-span-3 lg:col-span-7">
        <button type="submit" className="rounded bg-rose-600 px-4 py-1.5 text-sm font-semibold text-white hover:bg-rose-700">
          Apply filters
        </button>
        <Link href="/events" className="text-sm text-zinc-600 underline">
          Clear
        </Link>
      </div>
    </form>
  );
}
