'use client';
// Cancels a PENDING reservation through the gateway and reloads the page's data.
import { useRouter } from 'next/navigation';
import { useState } from 'react';

export function CancelReservationButton({ reservationId }: { reservationId: string }) {
  const router = useRouter();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <button
        type="button"
        disabled={busy}
        className="rounded border border-zinc-300 px-4 py-2 text-sm disabled:opacity-50"
        onClick={async () => {
          if (!window.confirm('예매를 취소할까요? Cancel this reservation?')) return;
          setBusy(true);
          const response = await fetch(`/api/reservations/${reservationId}/cancel`, { method: 'POST' });
          setBusy(false);
          if (response.ok) router.refresh();
          else setError(((await response.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? 'Could not cancel');
        }}
      >
        예매 취소 Cancel reservation
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {error}
        </p>
      )}
    </div>
  );
}
