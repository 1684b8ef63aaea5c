'use client';
// The fan's side of the waiting room. Polls /api/queue/[id]/status (one Redis call) at jittered
// intervals that shrink near the front, keeps polling in a background tab and polls at once on
// wake/focus/reconnect. A refresh keeps the place: the queue ticket cookie names the user, and a
// second join answers the first place. On admission it moves to the seat map.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams, useSearchParams } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import type { QueueStatus } from '../../../lib/queue/get-queue-status';
import { seatMapPath } from '../../../lib/queue/seat-map-path';

type JoinError = { status: number; reason?: string; opensAt?: string };

async function fetchStatus(performanceId: string): Promise<QueueStatus> {
  const response = await fetch(`/api/queue/${performanceId}/status`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`status: HTTP ${response.status}`);
  return (await response.json()) as QueueStatus;
}

async function join(performanceId: string): Promise<void> {
  const response = await fetch(`/api/queue/${performanceId}/join`, { method: 'POST' });
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { error?: { reason?: string; opensAt?: string } };
  throw { status: response.status, reason: body.error?.reason, opensAt: body.error?.opensAt } satisfies JoinError;
}

/** Seconds between polls: Cloudflare refreshes every 20 s; near the front we look more often. ±25 % jitter spreads the herd. */
function pollInterval(status: QueueStatus | undefined): number | false {
  if (!status) return 3_000;
  if (status.state === 'admitted') return false;
  if (status.state !== 'waiting') return 15_000;
  const ahead = status.ahead ?? Number.POSITIVE_INFINITY;
  const base = status.position === null ? 15_000 : ahead < 50 ? 2_000 : ahead < 1_000 ? 5_000 : 15_000;
  return Math.round(base * (0.75 + Math.random() * 0.5));
}

function safeReturnTo(value: string | null, performanceId: string): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : seatMapPath(performanceId);
}

function formatEta(seconds: number | null): string {
  if (seconds === null) return '계산 중 (calculating)';
  if (seconds < 60) return `약 ${seconds}초 (~${seconds}s)`;
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? `약 ${minutes}분 (~${minutes} min)` : `약 ${Math.round(minutes / 60)}시간 (~${Math.round(minutes / 60)} h)`;
}

export function WaitingRoom() {
  const { performanceId } = useParams<{ performanceId: string }>();
  const returnTo = safeReturnTo(useSearchParams().get('returnTo'), performanceId);
  const [firstPosition, setFirstPosition] = useState<number | null>(null);
  const joinAttempted = useRef(false);

  const status = useQuery({
    queryKey: ['queue-status', performanceId],
    queryFn: () => fetchStatus(performanceId),
    refetchInterval: (query) => pollInterval(query.state.data),
    refetchIntervalInBackground: true,
    refetchOnWindowFocus: 'always',
    refetchOnReconnect: 'always',
    staleTime: 0,
    retry: true,
    retryDelay: (attempt) => Math.min(30_000, 1_000 * 2 ** attempt) * (0.5 + Math.random()),
  });

  const joining = useMutation<void, JoinError>({
    mutationFn: () => join(performanceId),
    onSuccess: () => void status.refetch(),
    onError: (error) => {
      if (error.status === 401) window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      // Too early: try again when the pre-queue opens (spread over 5 s so the page does not stampede).
      if (error.reason === 'not_open' && error.opensAt) {
        const wait = Math.max(1_000, Date.parse(error.opensAt) - Date.now()) + Math.random() * 5_000;
        window.setTimeout(() => joinAgain.current(), Math.min(wait, 2 ** 31 - 1));
      }
    },
  });

  const joinAgain = useRef(() => joining.mutate());
  joinAgain.current = () => joining.mutate();

  const state = status.data?.state;
  useEffect(() => {
    if (state === 'none' && !joinAttempted.current) {
      joinAttempted.current = true;
      joining.mutate();
    }
    if (state === 'admitted') window.location.replace(returnTo);
  }, [state, joining, returnTo]);

  // Remember where the fan started, across refreshes, for the progress bar.
  const position = status.data?.state === 'waiting' ? status.data.position : null;
  useEffect(() => {
    if (position === null) return;
    const key = `os_queue_first_${performanceId}`;
    const stored = Number(window.localStorage.getItem(key));
    const first = stored >= position ? stored : position;
    window.localStorage.setItem(key, String(first));
    setFirstPosition(first);
  }, [position, performanceId]);

  // Tab slept (timers frozen): poll as soon as it is visible again.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && void status.refetch();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [status]);

  const data = status.data;
  const notOpen = joining.error?.reason === 'not_open' ? joining.error.opensAt : undefined;
  const progress = data?.state === 'waiting' && data.position !== null && firstPosition ? Math.max(2, Math.round(100 * (1 - (data.position - 1) / firstPosition))) : 0;

  return (
    <section className="mx-auto max-w-xl rounded-xl border border-zinc-200 bg-white p-8 shadow-sm" aria-live="polite" data-testid="waiting-room">
      <h1 className="text-2xl font-bold">대기열 Waiting room</h1>
      <p className="mt-2 text-sm text-zinc-600">이 창을 닫지 마세요. 새로고침해도 순서는 유지됩니다. Keep this tab open; refreshing keeps your place.</p>

      {notOpen && (
        <p className="mt-6 text-zinc-800" data-testid="queue-not-open">
          대기열은 {new Date(notOpen).toLocaleString('ko-KR')}에 열립니다. The waiting room opens at {new Date(notOpen).toLocaleString()}.
        </p>
      )}

      {data?.state === 'waiting' && data.position === null && (
        <p className="mt-6 text-zinc-800" data-testid="queue-prequeue">
          오픈 전입니다. 오픈 시각에 대기 순서가 무작위로 정해집니다. You are in the pre-queue: places are drawn at random at the opening, {new Date(data.opensAt).toLocaleTimeString()}.
        </p>
      )}

      {data?.state === 'waiting' && data.position !== null && (
        <div className="mt-6 space-y-4">
          <p className="text-5xl font-bold tabular-nums" data-testid="queue-position">
            {data.position.toLocaleString()}
          </p>
          <p className="text-zinc-700">
            내 앞 <span data-testid="queue-ahead">{data.ahead?.toLocaleString()}</span>명 · people ahead of you
          </p>
          <div className="h-3 w-full overflow-hidden rounded-full bg-zinc-200" role="progressbar" aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
            <div className="h-full bg-rose-600 transition-all duration-700" style={{ width: `${progress}%` }} />
          </div>
          <p className="text-zinc-700" data-testid="queue-eta">
            예상 대기 시간 Estimated wait: {data.paused ? '일시 정지됨 (paused)' : formatEta(data.etaSeconds)}
          </p>
          <p className="text-xs text-zinc-500">대기 인원 {data.waiting.toLocaleString()}명 waiting</p>
        </div>
      )}

      {data?.state === 'admitted' && <p className="mt-6 font-medium text-emerald-700" data-testid="queue-admitted">입장합니다! You are in — opening the seat map…</p>}

      {data?.state === 'expired' && (
        <div className="mt-6 space-y-3" data-testid="queue-expired">
          <p className="text-zinc-800">대기 시간이 만료되었습니다. Your place or session expired.</p>
          <button type="button" className="rounded-md bg-rose-600 px-4 py-2 text-white" onClick={() => joining.mutate()} disabled={joining.isPending}>
            다시 줄 서기 Join again
          </button>
        </div>
      )}

      {(status.isPending || (state === 'none' && joining.isPending)) && <p className="mt-6 text-zinc-600">줄 서는 중… Taking your place…</p>}
      {status.isError && <p className="mt-6 text-amber-700">연결이 불안정합니다. 자동으로 다시 시도합니다. Reconnecting…</p>}
    </section>
  );
}
