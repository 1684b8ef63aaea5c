'use client';
// The home page's event list: rendered on the server, then kept fresh through the gateway
// (browser → /api/events → worker API → PostgreSQL).
import { useQuery } from '@tanstack/react-query';
import type { UpcomingEvent } from '../lib/catalog/list-upcoming-events';
import { formatDateTime, formatKrw } from './format';

async function fetchUpcomingEvents(): Promise<UpcomingEvent[]> {
  const response = await fetch('/api/events?limit=20');
  if (!response.ok) throw new Error(`events: HTTP ${response.status}`);
  return ((await response.json()) as { events: UpcomingEvent[] }).events;
}

export function UpcomingEvents({ initial }: { initial: UpcomingEvent[] }) {
  const { data: events } = useQuery({ queryKey: ['upcoming-events'], queryFn: fetchUpcomingEvents, initialData: initial, refetchInterval: 60_000 });
  if (events.length === 0) return <p className="text-zinc-600">No upcoming events yet.</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Upcoming events">
      {events.map((event) => (
        <li key={event.id} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid="event-card">
          <p className="text-xs font-medium uppercase tracking-wide text-rose-600">{event.genre}</p>
          <h2 className="mt-1 text-lg font-semibold text-zinc-900">{event.title}</h2>
          {event.artist && <p className="text-sm text-zinc-700">{event.artist}</p>}
          <p className="mt-2 text-sm text-zinc-600">
            {event.venue} · {event.city}
          </p>
          <p className="text-sm text-zinc-600">
            <time dateTime={event.firstPerformanceAt}>{formatDateTime(event.firstPerformanceAt)}</time>
            {event.performanceCount > 1 && ` 외 ${event.performanceCount - 1}회`}
          </p>
          {event.minPriceKrw !== null && <p className="mt-2 text-sm font-medium text-zinc-900">{formatKrw(event.minPriceKrw)}부터</p>}
        </li>
      ))}
    </ul>
  );
}
