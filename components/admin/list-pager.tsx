// Previous / next links under an admin list, keeping the list's filters in the query string.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export type ListSearch = Record<string, string | undefined>;

/** The list's URL with these filters and `changes` applied (empty values dropped). */
export function listHref(basePath: string, search: ListSearch, changes: ListSearch = {}): string {
  const merged = Object.entries({ ...search, ...changes }).filter((entry): entry is [string, string] => Boolean(entry[1]));
  const query = new URLSearchParams(merged).toString();
  return query ? `${basePath}?${query}` : basePath;
}

export async function ListPager(props: { basePath: string; search: ListSearch; page: number; pageSize: number; total: number }) {
  const t = await getTranslations('adminLists.common');
  const pages = Math.max(1, Math.ceil(props.total / props.pageSize));
  const href = (page: number) => listHref(props.basePath, props.search, { page: String(page) });
  return (
    <nav className="flex items-center gap-4 text-sm" aria-label={t('pages')}>
      {props.page > 1 && (
        <Link href={href(props.page - 1)} className="underline">
          {t('prev')}
        </Link>
      )}
      <span>{t('page', { page: props.page, pages, total: props.total })}</span>
      {props.page < pages && (
        <Link href={href(props.page + 1)} className="underline">
          {t('next')}
        </Link>
      )}
    </nav>
  );
}
