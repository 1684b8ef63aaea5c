// The filter bar above an admin list: a GET form, so a filtered list is a URL an admin can share.
// Its fields are labelled controls named after the query parameter they fill.
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';

export const filterFieldClass = 'flex flex-col';
export const filterInputClass = 'rounded border border-zinc-400 px-2 py-1';

export type FilterOption = { value: string; label: string };

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

/** A free-text field; without `type` it is a plain text input. */
export function TextFilter(props: { label: string; name: string; defaultValue?: string; type?: 'search' | 'text' | 'date' }) {
  return (
    <label className={filterFieldClass}>
      {props.label}
      <input type={props.type} name={props.name} defaultValue={props.defaultValue ?? ''} className={filterInputClass} />
    </label>
  );
}

/** A choice among `options`, led by an empty "any" option that leaves the filter off. */
export function SelectFilter(props: { label: string; name: string; defaultValue?: string; anyLabel: string; options: readonly FilterOption[] }) {
  return (
    <label className={filterFieldClass}>
      {props.label}
      <select name={props.name} defaultValue={props.defaultValue ?? ''} className={filterInputClass}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>{option.label}</option>
        ))}
      </select>
    </label>
  );
}

/** The `from` and `until` days (both included), picked on the platform's business calendar. */
export async function DayRangeFilter(props: { from?: string; until?: string }) {
  const t = await getTranslations('adminLists.common');
  return (
    <>
      <TextFilter label={t('from')} name="from" defaultValue={props.from} type="date" />
      <TextFilter label={t('until')} name="until" defaultValue={props.until} type="date" />
    </>
  );
}
