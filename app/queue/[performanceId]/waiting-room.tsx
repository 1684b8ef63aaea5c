'use client';
// The fan's side of the waiting room. Polls /api/queue/[id]/status (one Redis call) when the
// answer says to (lib/queue/poll-after.ts: rarely far back, often near the front), jittered,
// keeps polling in a background tab and polls at once on wake/focus/reconnect. A refresh keeps
// the place: the queue ticket cookie names the user, and a second join answers the first place.
// On admission it moves to the seat map.
import { useMutation, useQuery } from '@tanstack/react-query';
import { useParams, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { QueueStatus } from '../../../lib/queue/get-queue-status';
import { seatMapPath } from '../../../lib/queue/seat-map-path';
import { useFormat } from '../../../components/i18n/use-format';

type JoinError = { status: number; reason?: string; opensAt?: string };

/** The status, with the place the fan first had in this queue (kept across refreshes) for the progress bar. */
type StatusWithStart = QueueStatus & { firstPosition: number | null };

async function fetchStatus(performanceId: string): Promise<StatusWithStart> {
  const response = await fetch(`/api/queue/${performanceId}/status`, { cache: 'no-store' });
  if (!response.ok) throw new Error(`status: HTTP ${response.status}`);
  const status = (await response.json()) as QueueStatus;
  if (status.state !== 'waiting' || status.position === null) return { ...status, firstPosition: null };
  const key = `os_queue_first_${performanceId}`;
  const stored = Number(window.localStorage.getItem(key));
  const firstPosition = stored >= status.position ? stored : status.position;
  window.localStorage.setItem(key, String(firstPosition));
  return { ...status, firstPosition };
}

/** Too early: join again when the pre-queue opens, spread over 5 s so the page does not stampede. */
function joinWhenOpen(opensAt: string, joinAgain: () => void) {
  const wait = Math.max(1_000, Date.parse(opensAt) - Date.now()) + Math.random() * 5_000;
  window.setTimeout(joinAgain, Math.min(wait, 2 ** 31 - 1));
}

async function join(performanceId: string): Promise<void> {
  const response = await fetch(`/api/queue/${performanceId}/join`, { method: 'POST' });
  if (response.ok) return;
  const body = (await response.json().catch(() => ({}))) as { error?: { reason?: string; opensAt?: string } };
  throw { status: response.status, reason: body.error?.reason, opensAt: body.error?.opensAt } satisfies JoinError;
}

/** Time to the next poll: the server's pollAfterMs (rarely far back, often near the front), ±25 % jitter to spread the herd. */
function pollInterval(status: QueueStatus | undefined): number | false {
  if (!status) return 3_000;
  if (status.state === 'admitted') return false;
  if (status.state !== 'waiting') return 15_000;
  return Math.round(status.pollAfterMs * (0.75 + Math.random() * 0.5));
}

function safeReturnTo(value: string | null, performanceId: string): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : seatMapPath(performanceId);
}

function formatEta(seconds: number | null, t: ReturnType<typeof useTranslations<'queue'>>): string {
  if (seconds === null) return t('etaCalc');
  if (seconds < 60) return t('etaSeconds', { n: seconds });
  const minutes = Math.ceil(seconds / 60);
  return minutes < 120 ? t('etaMinutes', { n: minutes }) : t('etaHours', { n: Math.round(minutes / 60) });
}

export function WaitingRoom({ timeZone }: { timeZone: string }) {
  const t = useTranslations('queue');
  const format = useFormat();
  const { performanceId } = useParams<{ performanceId: string }>();
  const returnTo = safeReturnTo(useSearchParams().get('returnTo'), performanceId);
  const router = useRouter();
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
      if (error.status === 401) router.push(`/sign-in?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`);
      if (error.reason === 'not_open' && error.opensAt) joinWhenOpen(error.opensAt, () => joinAgain.current());
    },
  });

  const joinAgain = useRef(() => {});
  useEffect(() => {
    joinAgain.current = () => joining.mutate();
  }, [joining]);

  const state = status.data?.state;
  useEffect(() => {
    if (state === 'none' && !joinAttempted.current) {
      joinAttempted.current = true;
      joining.mutate();
    }
    if (state === 'admitted') window.location.replace(returnTo);
  }, [state, joining, returnTo]);

  // Tab slept (timers frozen): poll as soon as it is visible again.
  useEffect(() => {
    const onVisible = () => document.visibilityState === 'visible' && void status.refetch();
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [status]);

  const data = status.data;
  const notOpen = joining.error?.reason === 'not_open' ? joining.error.opensAt : undefined;
  const progress = data?.state === 'waiting' && data.position !== null && data.firstPosition ? Math.max(2, Math.round(100 * (1 - (data.position - 1) / data.firstPosition))) : 0;

  return (
    <section className="mx-auto max-w-xl rounded-xl border border-zinc-200 bg-white p-5 shadow-sm sm:p-8" data-testid="waiting-room">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-2 text-sm text-zinc-600">{t('keepOpen')}</p>
      {/* Screen readers hear place changes when they idle (polite), not on every digit. */}
      <div aria-live="polite" aria-atomic="true" data-testid="queue-live">

      {notOpen && (
        <p className="mt-6 text-zinc-800" data-testid="queue-not-open">
          {t('notOpen', { time: format.dateTime(notOpen, timeZone) })}
        </p>
      )}

      {data?.state === 'waiting' && data.position === null && (
        <p className="mt-6 text-zinc-800" data-testid="queue-prequeue">
          {t('prequeue', { time: format.dateTime(new Date(data.opensAt), timeZone, 'short') })}
        </p>
      )}

      {data?.state === 'waiting' && data.position !== null && (
        <div className="mt-6 space-y-4">
          <p className="text-5xl font-bold tabular-nums">
            <span className="sr-only">{t('position')} </span>
            <span data-testid="queue-position">{format.number(data.position)}</span>
          </p>
          <p className="text-zinc-700" data-testid="queue-ahead" data-ahead={data.ahead ?? ''}>
            {t('ahead', { count: data.ahead ?? 0 })}
          </p>
          <div className="h-3 w-full overflow-hidden rounded-full bg-zinc-200" role="progressbar" aria-label={t('progress')} aria-valuenow={progress} aria-valuemin={0} aria-valuemax={100}>
            <div className="h-full bg-rose-600 transition-all duration-700" style={{ width: `${progress}%` }} />
          </div>
          <p className="text-zinc-700" data-testid="queue-eta">
            {t('eta', { eta: data.paused ? t('paused') : formatEta(data.etaSeconds, t) })}
          </p>
          <p className="text-xs text-zinc-600">{t('waiting', { count: format.number(data.waiting) })}</p>
          {data.allTaken && (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900" data-testid="queue-all-taken">
              {t('allTaken')}
            </p>
          )}
        </div>
      )}

      {data?.state === 'admitted' && <p className="mt-6 font-medium text-emerald-700" data-testid="queue-admitted">{t('admitted')}</p>}

      {data?.state === 'expired' && (
        <div className="mt-6 space-y-3" data-testid="queue-expired">
          <p className="text-zinc-800">{t('expired')}</p>
          <button type="button" className="rounded-md bg-rose-700 px-4 py-2 text-white" onClick={() => joining.mutate()} disabled={joining.isPending}>
            {t('joinAgain')}
          </button>
        </div>
      )}

      {(status.isPending || (state === 'none' && joining.isPending)) && <p className="mt-6 text-zinc-600">{t('joining')}</p>}
      {status.isError && <p className="mt-6 text-amber-800">{t('reconnecting')}</p>}
      </div>
    </section>
  );
}
