// The home page: upcoming events from PostgreSQL, server-rendered, then refreshed through the gateway.
import { connection } from 'next/server';
import { listUpcomingEvents } from '../lib/catalog/list-upcoming-events';
import { UpcomingEvents } from '../components/upcoming-events';
import { db } from './_server/clients';

export default async function HomePage() {
  await connection();
  const events = await listUpcomingEvents(db(), { limit: 20 });
  return (
    <section>
      <h1 className="mb-6 text-2xl font-bold">Upcoming events</h1>
      <UpcomingEvents initial={events} />
    </section>
  );
}
