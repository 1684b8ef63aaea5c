'use client';
// The reconciliation page's actions: run a day's report now, resend a mismatched payment's
// webhook, resolve a mismatch with a note. The server audits each one.
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { useTranslations } from 'next-intl';

const BASE = '/api/admin/payments/reconciliation';

async function post(url: string, body: unknown): Promise<string | null> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (response.ok) return null;
  const error = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
  return error?.error?.message ?? String(response.status);
}

function useAction() {
  const t = useTranslations('admin.payments');
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (url: string, body: unknown, done?: string) => {
    setBusy(true);
    const failed = await post(url, body);
    setBusy(false);
    setMessage(failed ? t('failed', { message: failed }) : (done ?? null));
    router.refresh();
  };
  return { message, busy, run };
}

export function RunReportForm({ defaultDay }: { defaultDay: string }) {
  const t = useTranslations('admin.reconciliation');
  const { message, busy, run } = useAction();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(`${BASE}/run`, { day: String(new FormData(event.currentTarget).get('day')) });
  };
  return (
    <form onSubmit={submit} className="flex items-end gap-3 text-sm">
      <label className="flex flex-col">
        {t('runDay')}
        <input type="date" name="day" required defaultValue={defaultDay} className="rounded border px-2 py-1" />
      </label>
      <button type="submit" disabled={busy} className="rounded bg-zinc-900 px-3 py-1.5 text-white disabled:opacity-50">{t('run')}</button>
      {message && <span role="status">{message}</span>}
    </form>
  );
}

export function MismatchActions({ mismatchId }: { mismatchId: string }) {
  const t = useTranslations('admin.reconciliation');
  const tPayments = useTranslations('admin.payments');
  const { message, busy, run } = useAction();
  const resolve = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void run(`${BASE}/mismatches/${mismatchId}/resolve`, { resolution: String(new FormData(event.currentTarget).get('resolution') ?? '') });
  };
  return (
    <div className="space-y-1">
      <button type="button" disabled={busy} onClick={() => void run(`${BASE}/mismatches/${mismatchId}/resend-webhook`, {}, tPayments('resent'))} className="rounded border border-zinc-300 px-2 py-1 text-xs disabled:opacity-50">
        {t('resend')}
      </button>
      <form onSubmit={resolve} className="flex gap-1">
        <input name="resolution" required minLength={3} maxLength={1000} aria-label={t('resolution')} placeholder={t('resolution')} className="min-w-40 rounded border px-2 py-1 text-xs" />
        <button type="submit" disabled={busy} className="rounded bg-emerald-700 px-2 py-1 text-xs text-white disabled:opacity-50">{t('resolve')}</button>
      </form>
      {message && <p role="status" className="text-xs">{message}</p>}
    </div>
  );
}
