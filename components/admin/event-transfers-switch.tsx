'use client';
// The admin's per-event switch for ticket transfers (양도), saved through the event editor's
// audited PATCH with the rest of the event sent back unchanged.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { callAdminApi } from './call-admin-api';

type EventRecord = { id: string; slug: string; title: string; genre: string; description: string; artistId: string | null; status: string; transfersEnabled: boolean };

export function EventTransfersSwitch({ event }: { event: EventRecord }) {
  const router = useRouter();
  const t = useTranslations('transfers.admin');
  const [enabled, setEnabled] = useState(event.transfersEnabled);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function toggle(transfersEnabled: boolean) {
    // Shown at once; put back if the save is refused.
    setEnabled(transfersEnabled);
    setBusy(true);
    const result = await callAdminApi('PATCH', `/events/${event.id}`, { ...event, transfersEnabled });
    setBusy(false);
    setError(result.ok ? null : t('switchFailed', { message: result.message }));
    if (result.ok) router.refresh();
    else setEnabled(!transfersEnabled);
  }
  return (
    <p className="mt-2 text-sm">
      <label className="inline-flex items-center gap-2">
        <input type="checkbox" checked={enabled} disabled={busy} onChange={(e) => toggle(e.currentTarget.checked)} data-testid="event-transfers-switch" />
        {t('switch')}
      </label>
      {error && (
        <span role="alert" className="ml-2 text-red-700">
          {error}
        </span>
      )}
    </p>
  );
}
