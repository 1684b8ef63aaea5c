'use client';
// The answers to one offer — accept and decline for the recipient, withdraw for the sender —
// posted through the gateway, after the fan confirms when asked to (a decline or a withdrawal
// cannot be undone). A decline or a withdrawal reloads the page's data; an acceptance replaces
// the buttons with the way to the ticket, which is now the fan's.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { transferErrorMessage } from './transfer-error-message';

export type TransferAction = { action: 'accept' | 'decline' | 'withdraw'; label: string; confirm?: string; primary?: boolean };

export function TransferActions({ transferId, actions }: { transferId: string; actions: TransferAction[] }) {
  const router = useRouter();
  const t = useTranslations('transfers');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [acceptedTicketId, setAcceptedTicketId] = useState<string | null>(null);

  async function run({ action, confirm }: TransferAction) {
    if (confirm && !window.confirm(confirm)) return;
    setBusy(true);
    setError('');
    const response = await fetch(`/api/transfers/${transferId}/${action}`, { method: 'POST' });
    setBusy(false);
    if (!response.ok) return setError(await transferErrorMessage(response, t));
    if (action === 'accept') setAcceptedTicketId(((await response.json()) as { transfer: { ticketId: string } }).transfer.ticketId);
    else router.refresh();
  }

  if (acceptedTicketId) {
    return (
      <p role="status" className="mt-3 text-sm text-emerald-800">
        {t('incoming.accepted')}{' '}
        <Link href={`/tickets/${acceptedTicketId}`} className="font-semibold underline" data-testid="open-received-ticket">
          {t('incoming.openTicket')}
        </Link>
      </p>
    );
  }
  return (
    <div className="mt-3">
      <div className="flex flex-wrap gap-3">
        {actions.map((a) => (
          <button
            key={a.action}
            type="button"
            disabled={busy}
            onClick={() => run(a)}
            className={a.primary ? 'rounded bg-zinc-900 px-4 py-2 text-sm font-semibold text-white disabled:opacity-50' : 'rounded border border-zinc-500 px-4 py-2 text-sm disabled:opacity-50'}
          >
            {a.label}
          </button>
        ))}
      </div>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
