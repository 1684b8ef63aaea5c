'use client';
// One <svg> of thousands of seats. The seat <rect>s are created once per static map and never
// re-rendered by React: live availability, selection and the roving tabindex are applied to
// the DOM directly (a 2-second poll re-rendering 5,248 React elements cost ~40 ms per tick on a
// laptop; touching only the seats whose state changed costs well under 1 ms).
import { useTranslations } from 'next-intl';
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { StaticSeatMap } from '../../lib/seat-map/get-static-seat-map';
import { useFormat } from '../i18n/use-format';
import { seatStateAt, STATE_NAMES } from './decode-availability';
import { gradeColor } from './grade-colors';
import { indexSeatRows, neighbourOf, type Direction } from './seat-neighbours';

const SEAT = 7;
const MIN_ZOOM = 1;
const MAX_ZOOM = 8;
const KEYS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export type SeatLabelInfo = { section: string; row: string; number: number; grade: string; price: number | null };

export function seatInfo(map: StaticSeatMap, prices: Record<string, number>, i: number): SeatLabelInfo {
  const grade = map.grades[map.seats.grade[i]!]!;
  return { section: map.sections[map.seats.section[i]!]!, row: map.seats.row[i]!, number: map.seats.number[i]!, grade, price: prices[grade] ?? null };
}

/** A seat read aloud in the reader's language: "Floor B 1열 9번, R석, 55,000원, 선택 가능". */
function useSeatAriaLabel() {
  const t = useTranslations('seatMap');
  const format = useFormat();
  return useCallback(
    (info: SeatLabelInfo, state: number) =>
      t('seatAria', {
        seat: format.seat(info),
        grade: info.grade,
        price: info.price === null ? t('noPrice') : format.krw(info.price),
        state: t(`states.${STATE_NAMES[state] ?? 'available'}`),
      }),
    [t, format],
  );
}

const Seats = memo(function Seats({ map }: { map: StaticSeatMap }) {
  const { x, y, grade } = map.seats;
  return (
    <>
      {x.map((sx, i) => (
        <rect
          key={i}
          data-o={i}
          className="seat"
          x={sx - SEAT / 2}
          y={y[i]! - SEAT / 2}
          width={SEAT}
          height={SEAT}
          rx={1.5}
          fill={gradeColor(map.grades[grade[i]!]!, grade[i]!)}
          role="checkbox"
          aria-checked="false"
          tabIndex={-1}
        />
      ))}
    </>
  );
});

type View = { k: number; x: number; y: number };

export function SeatMapSvg({
  map,
  states,
  prices,
  selected,
  onToggle,
}: {
  map: StaticSeatMap;
  states: Uint8Array | null;
  prices: Record<string, number>;
  selected: ReadonlySet<number>;
  onToggle: (ordinal: number) => void;
}) {
  const svgRef = useRef<SVGSVGElement>(null);
  const seatsRef = useRef<SVGRectElement[]>([]);
  const appliedRef = useRef<Uint8Array | null>(null);
  const activeRef = useRef(0);
  // Whether the fan has moved the tab stop themselves; until then it follows availability.
  const movedRef = useRef(false);
  const dragRef = useRef<{ x: number; y: number; view: View; moved: boolean } | null>(null);
  const [view, setView] = useState<View>({ k: 1, x: 0, y: 0 });
  const t = useTranslations('seatMap');
  const format = useFormat();
  const ariaLabel = useSeatAriaLabel();
  const index = useMemo(() => indexSeatRows(map), [map]);
  const infos = useMemo(() => Array.from({ length: map.seatCount }, (_, i) => seatInfo(map, prices, i)), [map, prices]);

  // Collect the rects once per map and give the first seat the roving tabindex.
  useEffect(() => {
    seatsRef.current = Array.from(svgRef.current!.querySelectorAll<SVGRectElement>('rect[data-o]'));
    appliedRef.current = null;
    activeRef.current = 0;
    movedRef.current = false;
    seatsRef.current[0]?.setAttribute('tabindex', '0');
  }, [map]);

  const moveTabStop = (next: number) => {
    seatsRef.current[activeRef.current]?.setAttribute('tabindex', '-1');
    activeRef.current = next;
    seatsRef.current[next]?.setAttribute('tabindex', '0');
  };

  // Availability: touch only seats whose state changed since the last poll.
  useEffect(() => {
    const seats = seatsRef.current;
    const previous = appliedRef.current;
    for (let i = 0; i < seats.length; i++) {
      const state = states ? seatStateAt(states, i) : 0;
      if (previous && seatStateAt(previous, i) === state) continue;
      seats[i]!.setAttribute('data-state', String(state));
      seats[i]!.setAttribute('aria-label', ariaLabel(infos[i]!, state));
      seats[i]!.setAttribute('aria-disabled', state === 0 ? 'false' : 'true');
    }
    appliedRef.current = states ?? new Uint8Array(0);
    // A keyboard user tabbing into a busy map lands on a seat they can choose, not on a sold one.
    if (states && !movedRef.current && seatStateAt(states, activeRef.current) !== 0) {
      const firstFree = seats.findIndex((_, i) => seatStateAt(states, i) === 0);
      if (firstFree >= 0) moveTabStop(firstFree);
    }
  }, [states, infos, ariaLabel]);

  useEffect(() => {
    const seats = seatsRef.current;
    for (let i = 0; i < seats.length; i++) {
      const checked = selected.has(i) ? 'true' : 'false';
      if (seats[i]!.getAttribute('aria-checked') !== checked) seats[i]!.setAttribute('aria-checked', checked);
    }
  }, [selected, map]);

  const zoomAt = useCallback((factor: number, cx = map.width / 2, cy = map.height / 2) => {
    setView((v) => {
      const k = Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, v.k * factor));
      // Keep the map point under (cx, cy) where it is.
      return { k, x: cx - ((cx - v.x) * k) / v.k, y: cy - ((cy - v.y) * k) / v.k };
    });
  }, [map.width, map.height]);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const svg = svgRef.current!;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const point = toMap(svg, event.clientX, event.clientY, map);
      zoomAt(event.deltaY < 0 ? 1.2 : 1 / 1.2, point.x, point.y);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [map, zoomAt]);

  const focusSeat = (next: number) => {
    movedRef.current = true;
    moveTabStop(next);
    const el = seatsRef.current[next];
    if (!el) return;
    el.focus({ preventScroll: true });
    // Pan so the focused seat stays in view when zoomed in.
    setView((v) => {
      const sx = map.seats.x[next]! * v.k + v.x;
      const sy = map.seats.y[next]! * v.k + v.y;
      const inside = sx > 20 && sx < map.width - 20 && sy > 20 && sy < map.height - 20;
      return inside ? v : { ...v, x: map.width / 2 - map.seats.x[next]! * v.k, y: map.height / 2 - map.seats.y[next]! * v.k };
    });
  };

  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const target = event.target as Element;
    if (!target.hasAttribute('data-o')) return;
    const current = Number(target.getAttribute('data-o'));
    const direction = KEYS[event.key];
    if (direction) {
      event.preventDefault();
      focusSeat(neighbourOf(map, index, current, direction));
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onToggle(current);
    } else if (event.key === '+' || event.key === '=') zoomAt(1.5);
    else if (event.key === '-') zoomAt(1 / 1.5);
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    dragRef.current = { x: event.clientX, y: event.clientY, view, moved: false };
  };
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const drag = dragRef.current;
    if (!drag) return;
    const scale = map.width / svgRef.current!.getBoundingClientRect().width;
    const dx = (event.clientX - drag.x) * scale;
    const dy = (event.clientY - drag.y) * scale;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) svgRef.current!.setPointerCapture(event.pointerId);
    drag.moved = true;
    setView({ ...drag.view, x: drag.view.x + dx, y: drag.view.y + dy });
  };
  const onPointerUp = (event: PointerEvent<SVGSVGElement>) => {
    const drag = dragRef.current;
    dragRef.current = null;
    if (drag?.moved) return;
    const target = event.target as Element;
    if (target.hasAttribute('data-o')) {
      const ordinal = Number(target.getAttribute('data-o'));
      focusSeat(ordinal);
      onToggle(ordinal);
    }
  };

  return (
    <div className="relative">
      <div className="absolute right-2 top-2 z-10 flex gap-1" role="toolbar" aria-label={t('zoom')}>
        <button type="button" aria-label={t('zoomIn')} onClick={() => zoomAt(1.5)} className="h-8 w-8 rounded border border-zinc-300 bg-white text-lg">
          +
        </button>
        <button type="button" aria-label={t('zoomOut')} onClick={() => zoomAt(1 / 1.5)} className="h-8 w-8 rounded border border-zinc-300 bg-white text-lg">
          −
        </button>
        <button type="button" onClick={() => setView({ k: 1, x: 0, y: 0 })} className="h-8 rounded border border-zinc-300 bg-white px-2 text-xs">
          {t('reset')}
        </button>
      </div>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${map.width} ${map.height}`}
        className="seat-map block h-auto w-full touch-none select-none rounded-lg border border-zinc-200 bg-white"
        role="group"
        aria-label={t('mapAria', { count: format.number(map.seatCount) })}
        onKeyDown={onKeyDown}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => (dragRef.current = null)}
      >
        <g data-testid="seat-map-viewport" data-zoom={view.k.toFixed(2)} transform={`translate(${view.x} ${view.y}) scale(${view.k})`}>
          <rect x={map.width * 0.3} y={10} width={map.width * 0.4} height={40} rx={6} fill="#27272a" aria-hidden="true" />
          <text x={map.width / 2} y={36} textAnchor="middle" fill="white" fontSize={16} aria-hidden="true">
            {t('stage')}
          </text>
          <Seats map={map} />
        </g>
      </svg>
    </div>
  );
}

function toMap(svg: SVGSVGElement, clientX: number, clientY: number, map: StaticSeatMap) {
  const rect = svg.getBoundingClientRect();
  return { x: ((clientX - rect.left) / rect.width) * map.width, y: ((clientY - rect.top) / rect.height) * map.height };
}

