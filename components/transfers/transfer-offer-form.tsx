'use client';
// The holder's offer form: the recipient's email, sent through the gateway; the page reloads
// its data to show the open offer.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { transferErrorMessage } from './transfer-error-message';

export function TransferOfferForm({ ticketId }: { ticketId: string }) {
  const router = useRouter();
  const t = useTranslations('transfers');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const toEmail = String(new FormData(event.currentTarget).get('toEmail') ?? '').trim();
    setBusy(true);
    setError('');
    const response = await fetch(`/api/tickets/${ticketId}/transfers`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ toEmail }) });
    setBusy(false);
    if (response.ok) router.refresh();
    else setError(await transferErrorMessage(response, t));
  }
  return (
    <form onSubmit={submit} className="mt-4 space-y-3" aria-describedby="transfer-gift">
      <label className="block text-sm font-medium">
        {t('offer.email')}
        <input
          name="toEmail"
          type="email"
          required
          autoComplete="off"
          aria-describedby="transfer-email-help"
          aria-invalid={error ? true : undefined}
          className="mt-1 block w-full rounded border border-zinc-400 px-3 py-2"
        />
      </label>
      <p id="transfer-email-help" className="text-xs text-zinc-600">
        {t('offer.emailHelp')}
      </p>
      <button type="submit" disabled={busy} className="rounded bg-zinc-900 px-4 py-2 font-semibold text-white disabled:opacity-50">
        {t('offer.submit')}
      </button>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
    </form>
  );
}
