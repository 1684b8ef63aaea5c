'use client';
// Counts down to the next sale-window change and refreshes the page when it passes, so the
// state shown (upcoming → open) follows the clock without a manual reload.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

function remaining(ms: number, t: ReturnType<typeof useTranslations<'sale.countdown'>>) {
  if (ms <= 0) return t('zero');
  const total = Math.floor(ms / 1000);
  const parts = { d: Math.floor(total / 86_400), h: Math.floor((total % 86_400) / 3_600), m: Math.floor((total % 3_600) / 60), s: total % 60 };
  return parts.d > 0 ? t('days', parts) : parts.h > 0 ? t('hours', parts) : t('minutes', parts);
}

export function SaleCountdown({ target, label }: { target: string; label: string }) {
  const router = useRouter();
  const t = useTranslations('sale.countdown');
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const left = now === null ? null : Date.parse(target) - now;
  useEffect(() => {
    if (left !== null && left <= 0) router.refresh();
  }, [left !== null && left <= 0, router]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <span className="tabular-nums" data-testid="sale-countdown">
      {label} <time dateTime={target}>{left === null ? '…' : remaining(left, t)}</time>
    </span>
  );
}
