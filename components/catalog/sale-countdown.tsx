'use client';
// Counts down to the next sale-window change and refreshes the page when it passes, so the
// state shown (upcoming → open) follows the clock without a manual reload.
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

function remaining(ms: number) {
  if (ms <= 0) return '0초';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  const sec = s % 60;
  return d > 0 ? `${d}일 ${h}시간 ${m}분` : h > 0 ? `${h}시간 ${m}분 ${sec}초` : `${m}분 ${sec}초`;
}

export function SaleCountdown({ target, label }: { target: string; label: string }) {
  const router = useRouter();
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
      {label} <time dateTime={target}>{left === null ? '…' : remaining(left)}</time>
    </span>
  );
}
