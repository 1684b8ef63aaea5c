import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Genre } from '../../lib/catalog/genres';
import type { EventSummary } from '../../lib/catalog/search-events';
import { useFormat } from '../i18n/use-format';

export function EventCard({ event }: { event: EventSummary }) {
  const t = useTranslations('events');
  const format = useFormat();
  return (
    <li className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid="event-card">
      <p className="text-xs font-medium uppercase tracking-wide text-rose-700">{t(`genres.${event.genre as Genre}`)}</p>
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
        <time dateTime={event.firstPerformanceAt}>{format.dateTime(event.firstPerformanceAt, event.timeZone)}</time>
        {event.performanceCount > 1 && ` ${t('moreTimes', { count: event.performanceCount - 1 })}`}
      </p>
      {event.minPriceKrw !== null && <p className="mt-2 text-sm font-medium text-zinc-900">{t('fromPrice', { price: format.krw(event.minPriceKrw) })}</p>}
    </li>
  );
}
