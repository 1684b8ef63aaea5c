'use client';
// The seat-map page's live part: the static map (fetched once, cached per hall version), the
// availability bitmap polled every 2 s while the page is open, the legend and the side panel
// with the chosen seats, their total, and holding them (seat-hold-panel).
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useCallback, useMemo, useState } from 'react';
import type { StaticSeatMap } from '../../lib/seat-map/get-static-seat-map';
import { useFormat } from '../i18n/use-format';
import { decodeAvailability, seatStateAt } from './decode-availability';
import { gradeColor } from './grade-colors';
import { SeatHoldPanel } from './seat-hold-panel';
import { seatInfo, SeatMapSvg } from './seat-map-svg';

const POLL_MS = 2_000;

// Held and sold seats are drawn grey over their grade colour; the chosen ones get an outline.
const SEAT_CSS = `
.seat-map .seat { cursor: pointer; }
.seat-map .seat[data-state="1"] { fill: #d4d4d8; cursor: not-allowed; }
.seat-map .seat[data-state="2"] { fill: #a1a1aa; cursor: not-allowed; }
.seat-map .seat[aria-checked="true"] { stroke: #18181b; stroke-width: 2.5; }
.seat-map .seat:focus { outline: none; stroke: #f59e0b; stroke-width: 3; }
`;

export type SeatMapViewProps = {
  performanceId: string;
  hallId: string;
  seatMapVersion: number;
  prices: { grade: string; amountKrw: number }[];
  maxTicketsPerPerson: number;
};

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

export function SeatMapView({ performanceId, hallId, seatMapVersion, prices, maxTicketsPerPerson }: SeatMapViewProps) {
  const priceOf = useMemo(() => Object.fromEntries(prices.map((p) => [p.grade, p.amountKrw])), [prices]);
  const map = useQuery({
    queryKey: ['seat-map', hallId, seatMapVersion],
    queryFn: () => fetchJson<StaticSeatMap>(`/api/catalog/halls/${hallId}/seat-map?v=${seatMapVersion}`),
    staleTime: Infinity,
  });
  const availability = useQuery({
    queryKey: ['availability', performanceId],
    queryFn: async () => decodeAvailability((await fetchJson<{ state: string }>(`/api/catalog/performances/${performanceId}/availability`)).state),
    refetchInterval: POLL_MS,
    refetchIntervalInBackground: false,
    staleTime: 0,
  });
  const t = useTranslations('seatMap');
  const format = useFormat();
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = useState('');
  const states = availability.data ?? null;

  // A chosen seat that someone else took since is dropped from the selection, out loud: checked
  // while rendering each new availability snapshot, so the stale selection never reaches the screen.
  const [checkedStates, setCheckedStates] = useState(states);
  if (states !== checkedStates) {
    setCheckedStates(states);
    const lost = states && map.data ? [...selected].filter((i) => seatStateAt(states, i) !== 0) : [];
    if (lost.length > 0) {
      setSelected(new Set([...selected].filter((i) => !lost.includes(i))));
      setNotice(t('notices.taken', { count: lost.length }));
    }
  }

  const toggle = useCallback(
    (ordinal: number) => {
      if (!map.data) return;
      const info = seatInfo(map.data, priceOf, ordinal);
      const seat = format.seat(info);
      const next = new Set(selected);
      if (next.has(ordinal)) {
        next.delete(ordinal);
        setNotice(t('notices.removed', { seat }));
      } else if (states && seatStateAt(states, ordinal) !== 0) {
        setNotice(t('notices.unavailable', { seat }));
        return;
      } else if (next.size >= maxTicketsPerPerson) {
        setNotice(t('notices.max', { max: maxTicketsPerPerson }));
        return;
      } else {
        next.add(ordinal);
        const price = info.price === null ? '' : t('priceSuffix', { price: format.krw(info.price) });
        setNotice(t('notices.chosen', { seat, grade: info.grade, price }));
      }
      setSelected(next);
    },
    [map.data, priceOf, states, selected, maxTicketsPerPerson, t, format],
  );

  if (map.isError) return <p role="alert">{t('loadError')}</p>;
  if (!map.data) return <p aria-busy="true">{t('loading')}</p>;

  const chosen = [...selected].sort((a, b) => a - b).map((i) => ({ i, ...seatInfo(map.data, priceOf, i) }));
  const total = chosen.reduce((sum, seat) => sum + (seat.price ?? 0), 0);
  const counts = states ? countStates(states, map.data.seatCount) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <style>{SEAT_CSS}</style>
      <div>
        <SeatMapSvg map={map.data} states={states} prices={priceOf} selected={selected} onToggle={toggle} />
        <ul className="mt-3 flex flex-wrap gap-4 text-sm" aria-label={t('legend')}>
          {map.data.grades.map((grade, gi) => (
            <li key={grade} className="flex items-center gap-1.5">
              <span className="inline-block h-3 w-3 rounded-sm" style={{ background: gradeColor(grade, gi) }} aria-hidden="true" />
              {t('grade', { grade })} {priceOf[grade] !== undefined && format.krw(priceOf[grade]!)}
            </li>
          ))}
          <li className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-sm bg-zinc-300" aria-hidden="true" /> {t('held')}
          </li>
          <li className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-sm bg-zinc-400" aria-hidden="true" /> {t('sold')}
          </li>
        </ul>
        {counts && (
          <p className="mt-1 text-xs text-zinc-600" data-testid="availability-summary">
            {t('summary', { available: format.number(counts[0]), held: format.number(counts[1]), sold: format.number(counts[2]) })}
            {availability.isError && ` · ${t('paused')}`}
          </p>
        )}
      </div>
      <aside aria-labelledby="chosen-seats" className="h-fit rounded-lg border border-zinc-200 bg-white p-4 lg:sticky lg:top-4">
        <h2 id="chosen-seats" className="font-semibold">
          {t('chosen', { count: chosen.length, max: maxTicketsPerPerson })}
        </h2>
        <p className="sr-only" role="status" aria-live="polite">
          {notice}
        </p>
        {chosen.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600">{t('empty')}</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" aria-label={t('chosenList')}>
            {chosen.map((seat) => (
              <li key={seat.i} className="flex items-center justify-between gap-2">
                <span>
                  {format.seat(seat)} <span className="text-zinc-600">({t('grade', { grade: seat.grade })})</span>
                </span>
                <span className="flex items-center gap-2">
                  <span className="tabular-nums">{seat.price === null ? '—' : format.krw(seat.price)}</span>
                  <button type="button" onClick={() => toggle(seat.i)} className="text-xs text-zinc-600 underline" aria-label={t('removeLabel', { seat: format.seat(seat) })}>
                    {t('remove')}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 flex justify-between border-t border-zinc-200 pt-3 font-semibold">
          <span>{t('total')}</span>
          <span className="tabular-nums" data-testid="seat-total">
            {format.krw(total)}
          </span>
        </p>
        <SeatHoldPanel
          performanceId={performanceId}
          chosen={chosen.map((seat) => seat.i)}
          grades={map.data.grades.filter((g) => priceOf[g] !== undefined)}
          maxTicketsPerPerson={maxTicketsPerPerson}
          seatName={(ordinal) => format.seat(seatInfo(map.data, priceOf, ordinal))}
          onHeld={() => setSelected(new Set())}
        />
      </aside>
    </div>
  );
}

function countStates(states: Uint8Array, seatCount: number): [number, number, number] {
  const counts: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < seatCount; i++) {
    const s = seatStateAt(states, i);
    if (s <= 2) counts[s as 0 | 1 | 2]++;
  }
  return counts;
}
