'use client';
// Picks a kind and a range of days; the form GETs the CSV from the gateway, so the browser
// streams the download straight to disk and nothing is held in the page.
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { ExportKind } from '../../../lib/exports/export-kinds';

export function ExportForm({ kinds, defaultDay }: { kinds: readonly ExportKind[]; defaultDay: string }) {
  const t = useTranslations('adminLists.exports');
  const [kind, setKind] = useState<ExportKind>(kinds[0]!);

  return (
    <form method="get" action={`/api/admin/exports/${kind}`} className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 text-sm">
      <label className="flex flex-col">
        {t('kind')}
        {/* No name: the kind is the path, not a query parameter. */}
        <select value={kind} onChange={(event) => setKind(event.target.value as ExportKind)} className="rounded border border-zinc-400 px-2 py-1">
          {kinds.map((k) => (
            <option key={k} value={k}>{t(`kinds.${k}`)}</option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        {t('from')}
        <input type="date" name="from" required defaultValue={defaultDay} className="rounded border border-zinc-400 px-2 py-1" />
      </label>
      <label className="flex flex-col">
        {t('until')}
        <input type="date" name="until" required defaultValue={defaultDay} className="rounded border border-zinc-400 px-2 py-1" />
      </label>
      <button type="submit" className="rounded bg-zinc-900 px-3 py-1.5 text-white">
        {t('download')}
      </button>
    </form>
  );
}
