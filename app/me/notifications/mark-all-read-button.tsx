'use client';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';

export function MarkAllReadButton() {
  const router = useRouter();
  const t = useTranslations('me.notifications');
  const [pending, setPending] = useState(false);
  async function markAll() {
    setPending(true);
    try {
      await fetch('/api/notifications/read', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ all: true }) });
      router.refresh();
    } finally {
      setPending(false);
    }
  }
  return (
    <button type="button" onClick={markAll} disabled={pending} className="rounded border border-zinc-300 px-3 py-1 text-sm hover:bg-zinc-100">
      {t('markAllRead')}
    </button>
  );
}
