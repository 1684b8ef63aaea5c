'use client';
// mm:ss until the hold runs out; says so when it has.
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';

export function HoldCountdown({ expiresAt, onExpired }: { expiresAt: string; onExpired: () => void }) {
  const t = useTranslations('hold');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const left = Math.max(0, Date.parse(expiresAt) - now);
  useEffect(() => {
    if (left === 0) onExpired();
  }, [left === 0]); // eslint-disable-line react-hooks/exhaustive-deps
  const minutes = Math.floor(left / 60_000);
  const seconds = Math.floor((left % 60_000) / 1000);
  return (
    <p className={`text-sm font-semibold tabular-nums ${left < 60_000 ? 'text-rose-700' : 'text-zinc-800'}`} data-testid="hold-countdown" aria-live="off">
      {left === 0 ? t('expired') : t('left', { time: `${minutes}:${String(seconds).padStart(2, '0')}` })}
    </p>
  );
}
