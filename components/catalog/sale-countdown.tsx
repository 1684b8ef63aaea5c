'use client';
// Counts down to the next sale-window change and refreshes the page when it passes, so the
// state shown (upcoming → open) follows the clock without a manual reload.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useSyncExternalStore } from 'react';

function remaining(ms: number, t: ReturnType<typeof useTranslations<'sale.countdown'>>) {
  if (ms <= 0) return t('zero');
  const total = Math.floor(ms / 1000);
  const parts = { d: Math.floor(total / 86_400), h: Math.floor((total % 86_400) / 3_600), m: Math.floor((total % 3_600) / 60), s: total % 60 };
  return parts.d > 0 ? t('days', parts) : parts.h > 0 ? t('hours', parts) : t('minutes', parts);
}

// The clock to the second: one snapshot per second keeps renders stable; null on the server,
// whose time would not match the reader's.
const subscribeToSeconds = (tick: () => void) => {
  const timer = setInterval(tick, 1_000);
  return () => clearInterval(timer);
};
const currentSecond = () => Math.floor(Date.now() / 1_000) * 1_000;
const noClockOnServer = () => null;

export function SaleCountdown({ target, label }: { target: string; label: string }) {
  const router = useRouter();
  const t = useTranslations('sale.countdown');
  const now = useSyncExternalStore(subscribeToSeconds, currentSecond, noClockOnServer);
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
