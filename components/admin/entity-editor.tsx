'use client';
// Inline edit of an artist, venue or hall: the listed fields are editable, the others are sent
// back unchanged (the admin API saves whole records and audits before/after).
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { callAdminApi } from './call-admin-api';

export function EntityEditor({
  kind,
  record,
  fields,
}: {
  kind: 'artists' | 'venues' | 'halls';
  record: Record<string, string | null> & { id: string };
  fields: { name: string; label: string }[];
}) {
  const router = useRouter();
  const t = useTranslations('admin');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const body = { ...record, ...Object.fromEntries(fields.map((f) => [f.name, String(form.get(f.name) ?? '').trim()])) };
    const result = await callAdminApi('PATCH', `/${kind}/${record.id}`, body);
    setMessage(result.ok ? { ok: true, text: t('common.saved') } : { ok: false, text: result.message });
    if (result.ok) router.refresh();
  }
  return (
    <form onSubmit={save} className="flex flex-wrap items-end gap-2 text-xs" aria-label={t('catalog.editLabel', { name: record.name ?? record.id })}>
      {fields.map((f) => (
        <label key={f.name}>
          {f.label}
          <input name={f.name} defaultValue={record[f.name] ?? ''} className="mt-0.5 block rounded border border-zinc-300 px-2 py-1 text-sm" required />
        </label>
      ))}
      <button type="submit" className="rounded border px-2 py-1">
        {t('common.save')}
      </button>
      {message && (
        <span role={message.ok ? 'status' : 'alert'} className={message.ok ? 'text-emerald-700' : 'text-red-700'}>
          {message.text}
        </span>
      )}
    </form>
  );
}
