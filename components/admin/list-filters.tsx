// The filter bar above an admin list: a GET form, so a filtered list is a URL an admin can share.
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';

export const filterFieldClass = 'flex flex-col';
export const filterInputClass = 'rounded border border-zinc-400 px-2 py-1';

export async function ListFilters({ children }: { children: ReactNode }) {
  const t = await getTranslations('adminLists.common');
  return (
    <form method="get" role="search" aria-label={t('filters')} className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 text-sm">
      {children}
      <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white">
        {t('apply')}
      </button>
    </form>
  );
}
