import Link from 'next/link';
import type { EventSummary } from '../../lib/catalog/search-events';
import { formatDateTime, formatKrw } from '../format';

export function EventCard({ event }: { event: EventSummary }) {
  return (
    <li className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid="event-card">
      <p className="text-xs font-medium uppercase tracking-wide text-rose-600">{event.genre}</p>
      <h2 className="mt-1 text-lg font-semibold text-zinc-900">
        <Link href={`/events/${event.slug}`} className="hover:underline">
          {event.title}
        </Link>
      </h2>
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
  );
}
