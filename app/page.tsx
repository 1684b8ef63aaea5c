// The home page: upcoming events from PostgreSQL, server-rendered, then refreshed through the gateway.
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { searchEvents } from '../lib/catalog/search-events';
import { UpcomingEvents } from '../components/upcoming-events';
import { db, redis } from './_server/clients';

export default async function HomePage() {
  await connection();
  const [{ events }, t] = await Promise.all([searchEvents(db(), redis(), { limit: 20 }), getTranslations('home')]);
  return (
    <section>
      <h1 className="mb-6 text-2xl font-bold">{t('title')}</h1>
      <UpcomingEvents initial={events} />
    </section>
  );
}
