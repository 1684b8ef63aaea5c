'use client';
// The side panel's booking half: hold the chosen seats (all or none) or the best available ones,
// see the hold's countdown, release it, or turn it into a reservation.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useFormat } from '../i18n/use-format';
import { HoldCountdown } from './hold-countdown';
import { useSeatHold, type ApiError } from './use-seat-hold';

type Props = {
  performanceId: string;
  chosen: number[];
  grades: string[];
  maxTicketsPerPerson: number;
  /** The seat at this ordinal in the reader's language (held seats come back as ordinals). */
  seatName: (ordinal: number) => string;
  onHeld: () => void;
};


export function SeatHoldPanel({ performanceId, chosen, grades, maxTicketsPerPerson, seatName, onHeld }: Props) {
  const router = useRouter();
  const t = useTranslations('hold');
  const format = useFormat();
  // The gateway has already put error messages in the reader's language; taken seats are named here.
  const describe = (failure: unknown): string => {
    const e = failure as ApiError;
    if (e?.status === 401) return t('signIn');
    if (e?.reason?.startsWith('entry_token')) return t('queueFirst');
    if (e?.seats?.length) return `${e.message} ${e.seats.map((s) => seatName(s.ordinal)).join(', ')}`;
    return e?.message ?? t('retry');
  };
  const { hold, holdSeats, holdBest, release, reserve } = useSeatHold(performanceId);
  const [grade, setGrade] = useState(grades[0] ?? '');
  const [count, setCount] = useState(Math.min(2, maxTicketsPerPerson));
  const [attemptKey, setAttemptKey] = useState(() => crypto.randomUUID());
  const error = holdSeats.error ?? holdBest.error ?? release.error ?? reserve.error;
  const busy = holdSeats.isPending || holdBest.isPending || release.isPending || reserve.isPending;
  const current = hold.data;

  if (current) {
    return (
      <section aria-labelledby="held-seats" className="mt-4 rounded border border-rose-200 bg-rose-50 p-3">
        <h3 id="held-seats" className="font-semibold">
          {t('heldSeats', { count: current.seats.length })}
        </h3>
        <HoldCountdown expiresAt={current.expiresAt} onExpired={() => void hold.refetch()} />
        <ul className="mt-2 space-y-1 text-sm" data-testid="held-seats">
          {current.seats.map((seat) => (
            <li key={seat.ordinal} className="flex justify-between gap-2">
              <span>{seatName(seat.ordinal)}</span>
              <span className="tabular-nums">{format.krw(seat.priceKrw)}</span>
            </li>
          ))}
        </ul>
        <p className="mt-2 flex justify-between font-semibold">
          <span>{t('amount')}</span>
          <span className="tabular-nums">{format.krw(current.totalKrw)}</span>
        </p>
        <button
          type="button"
          disabled={busy}
          className="mt-3 w-full rounded bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800 disabled:opacity-50"
          onClick={() =>
            reserve.mutate(
              { seats: current.seats.map((s) => s.ordinal), idempotencyKey: attemptKey },
              {
                onSuccess: ({ reservation }) => router.push(`/me/reservations/${reservation.id}`),
                onError: () => setAttemptKey(crypto.randomUUID()),
              },
            )
          }
        >
          {t('reserve')}
        </button>
        <button type="button" disabled={busy} className="mt-2 w-full rounded border border-zinc-300 px-4 py-2 text-sm" onClick={() => release.mutate()}>
          {t('release')}
        </button>
        {error && (
          <p role="alert" className="mt-2 text-sm text-rose-700">
            {describe(error)}
          </p>
        )}
      </section>
    );
  }

  return (
    <section aria-label={t('holdLabel')} className="mt-3">
      <button
        type="button"
        disabled={busy || chosen.length === 0}
        className="w-full rounded bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800 disabled:cursor-not-allowed disabled:bg-zinc-300 disabled:text-zinc-600"
        onClick={() => holdSeats.mutate(chosen, { onSuccess: onHeld })}
      >
        {t('holdSeats')}
      </button>
      <form
        className="mt-3 flex flex-wrap items-end gap-2 text-sm"
        onSubmit={(e) => {
          e.preventDefault();
          holdBest.mutate({ grade, count }, { onSuccess: onHeld });
        }}
      >
        <label className="flex flex-col">
          {t('grade')}
          <select value={grade} onChange={(e) => setGrade(e.target.value)} className="rounded border border-zinc-300 px-2 py-1">
            {grades.map((g) => (
              <option key={g}>{g}</option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {t('count')}
          <select value={count} onChange={(e) => setCount(Number(e.target.value))} className="rounded border border-zinc-300 px-2 py-1">
            {Array.from({ length: maxTicketsPerPerson }, (_, i) => i + 1).map((n) => (
              <option key={n}>{n}</option>
            ))}
          </select>
        </label>
        <button type="submit" disabled={busy} className="rounded border border-rose-600 px-3 py-1.5 font-semibold text-rose-700 disabled:opacity-50">
          {t('best')}
        </button>
      </form>
      {error && (
        <p role="alert" className="mt-2 text-sm text-rose-700">
          {describe(error)}
        </p>
      )}
    </section>
  );
}
