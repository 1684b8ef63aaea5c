'use client';
// Cancels a PENDING reservation through the gateway and reloads the page's data.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

export function CancelReservationButton({ reservationId }: { reservationId: string }) {
  const router = useRouter();
  const t = useTranslations('reservations');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <button
        type="button"
        disabled={busy}
        className="rounded border border-zinc-300 px-4 py-2 text-sm disabled:opacity-50"
        onClick={async () => {
          if (!window.confirm(t('cancelConfirm'))) return;
          setBusy(true);
          const response = await fetch(`/api/reservations/${reservationId}/cancel`, { method: 'POST' });
          setBusy(false);
          if (response.ok) router.refresh();
          else setError(((await response.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? t('cancelFailed'));
        }}
      >
        {t('cancel')}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
