// The home page: upcoming events from PostgreSQL, server-rendered, then refreshed through the gateway.
import { connection } from 'next/server';
import { searchEvents } from '../lib/catalog/search-events';
import { UpcomingEvents } from '../components/upcoming-events';
import { db, redis } from './_server/clients';

export default async function HomePage() {
  await connection();
  const { events } = await searchEvents(db(), redis(), { limit: 20 });
  return (
    <section>
      <h1 className="mb-6 text-2xl font-bold">Upcoming events</h1>
      <UpcomingEvents initial={events} />
    </section>
  );
}
