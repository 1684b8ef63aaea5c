'use client';
// The seat-map page's live part: the static map (fetched once, cached per hall version), the
// availability bitmap polled every 2 s while the page is open, the legend and the side panel
// with the chosen seats, their total, and holding them (seat-hold-panel).
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StaticSeatMap } from '../../lib/seat-map/get-static-seat-map';
import { formatKrw } from '../format';
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
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [notice, setNotice] = useState('');
  const states = availability.data ?? null;

  // A chosen seat that someone else took since is dropped from the selection, out loud.
  useEffect(() => {
    if (!states || !map.data) return;
    const lost = [...selected].filter((i) => seatStateAt(states, i) !== 0);
    if (lost.length === 0) return;
    setSelected((current) => new Set([...current].filter((i) => !lost.includes(i))));
    setNotice(`${lost.length} chosen seat(s) were just taken by someone else and removed.`);
  }, [states, map.data]); // eslint-disable-line react-hooks/exhaustive-deps

  const toggle = useCallback(
    (ordinal: number) => {
      if (!map.data) return;
      const info = seatInfo(map.data, priceOf, ordinal);
      const label = `Section ${info.section} row ${info.row} seat ${info.number}`;
      const next = new Set(selected);
      if (next.has(ordinal)) {
        next.delete(ordinal);
        setNotice(`${label} removed.`);
      } else if (states && seatStateAt(states, ordinal) !== 0) {
        setNotice(`${label} is not available.`);
        return;
      } else if (next.size >= maxTicketsPerPerson) {
        setNotice(`You can choose at most ${maxTicketsPerPerson} seats.`);
        return;
      } else {
        next.add(ordinal);
        setNotice(`${label} chosen, ${info.grade} grade${info.price === null ? '' : `, ${info.price.toLocaleString('en-US')} won`}.`);
      }
      setSelected(next);
    },
    [map.data, priceOf, states, selected, maxTicketsPerPerson],
  );

  if (map.isError) return <p role="alert">The seat map could not be loaded. Please reload the page.</p>;
  if (!map.data) return <p aria-busy="true">좌석 배치도를 불러오는 중… Loading the seat map…</p>;

  const chosen = [...selected].sort((a, b) => a - b).map((i) => ({ i, ...seatInfo(map.data, priceOf, i) }));
  const total = chosen.reduce((sum, seat) => sum + (seat.price ?? 0), 0);
  const counts = states ? countStates(states, map.data.seatCount) : null;

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <style>{SEAT_CSS}</style>
      <div>
        <SeatMapSvg map={map.data} states={states} prices={priceOf} selected={selected} onToggle={toggle} />
        <ul className="mt-3 flex flex-wrap gap-4 text-sm" aria-label="Legend">
          {map.data.grades.map((grade, gi) => (
            <li key={grade} className="flex items-center gap-1.5">
              <span className="inline-block h-3 w-3 rounded-sm" style={{ background: gradeColor(grade, gi) }} aria-hidden="true" />
              {grade}석 {priceOf[grade] !== undefined && formatKrw(priceOf[grade]!)}
            </li>
          ))}
          <li className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-sm bg-zinc-300" aria-hidden="true" /> 선점 Held
          </li>
          <li className="flex items-center gap-1.5">
            <span className="inline-block h-3 w-3 rounded-sm bg-zinc-400" aria-hidden="true" /> 판매 Sold
          </li>
        </ul>
        {counts && (
          <p className="mt-1 text-xs text-zinc-500" data-testid="availability-summary">
            {counts[0].toLocaleString('ko-KR')} available · {counts[1].toLocaleString('ko-KR')} held · {counts[2].toLocaleString('ko-KR')} sold
            {availability.isError && ' · live updates paused, retrying…'}
          </p>
        )}
      </div>
      <aside aria-labelledby="chosen-seats" className="h-fit rounded-lg border border-zinc-200 bg-white p-4 lg:sticky lg:top-4">
        <h2 id="chosen-seats" className="font-semibold">
          선택한 좌석 Chosen seats ({chosen.length}/{maxTicketsPerPerson})
        </h2>
        <p className="sr-only" role="status" aria-live="polite">
          {notice}
        </p>
        {chosen.length === 0 ? (
          <p className="mt-2 text-sm text-zinc-600">Choose seats on the map.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" aria-label="Chosen seats list">
            {chosen.map((seat) => (
              <li key={seat.i} className="flex items-center justify-between gap-2">
                <span>
                  {seat.section} · {seat.row}열 {seat.number}번 <span className="text-zinc-500">({seat.grade})</span>
                </span>
                <span className="flex items-center gap-2">
                  <span className="tabular-nums">{seat.price === null ? '—' : formatKrw(seat.price)}</span>
                  <button type="button" onClick={() => toggle(seat.i)} className="text-xs text-zinc-500 underline" aria-label={`Remove section ${seat.section} row ${seat.row} seat ${seat.number}`}>
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 flex justify-between border-t border-zinc-200 pt-3 font-semibold">
          <span>합계 Total</span>
          <span className="tabular-nums" data-testid="seat-total">
            {formatKrw(total)}
          </span>
        </p>
        <SeatHoldPanel
          performanceId={performanceId}
          chosen={chosen.map((seat) => seat.i)}
          grades={map.data.grades.filter((g) => priceOf[g] !== undefined)}
          maxTicketsPerPerson={maxTicketsPerPerson}
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
