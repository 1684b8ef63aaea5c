'use client';
// The home page's event list: rendered on the server, then kept fresh through the gateway
// (browser → /api/events → worker API → Redis catalog cache → PostgreSQL).
import { useQuery } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import type { EventSummary } from '../lib/catalog/search-events';
import { EventCard } from './catalog/event-card';

async function fetchUpcomingEvents(): Promise<EventSummary[]> {
  const response = await fetch('/api/events?limit=20');
  if (!response.ok) throw new Error(`events: HTTP ${response.status}`);
  return ((await response.json()) as { events: EventSummary[] }).events;
}

export function UpcomingEvents({ initial }: { initial: EventSummary[] }) {
  const t = useTranslations('home');
  const { data: events } = useQuery({ queryKey: ['upcoming-events'], queryFn: fetchUpcomingEvents, initialData: initial, refetchInterval: 60_000 });
  if (events.length === 0) return <p className="text-zinc-600">{t('empty')}</p>;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t('listLabel')}>
      {events.map((event) => (
        <EventCard key={event.id} event={event} />
      ))}
    </ul>
  );
}
