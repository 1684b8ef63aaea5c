// Admin: each event's door staff, and a check-in report per performance.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listCheckInEvents } from '../../../lib/check-in/list-check-in-events';
import { EventStaffEditor } from '../../../components/check-in/event-staff-editor';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('checkIn.admin'))('title') };
}

export default async function AdminCheckInPage() {
  const [events, t, format] = await Promise.all([listCheckInEvents(db()), getTranslations('checkIn.admin'), getFormat()]);
  return (
    <section>
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="mt-1 text-sm text-zinc-700">{t('intro')}</p>
      <ul className="mt-4 space-y-4">
        {events.map((event) => (
          <li key={event.id} className="rounded-lg border border-zinc-200 bg-white p-4" data-testid="check-in-event">
            <h2 className="font-semibold">{event.title}</h2>
            <h3 className="mt-3 text-sm font-medium">{t('staff')}</h3>
            <EventStaffEditor eventId={event.id} staff={event.staff} />
            <h3 className="mt-3 text-sm font-medium">{t('performances')}</h3>
            <ul className="text-sm">
              {event.performances.map((p) => (
                <li key={p.id}>
                  <Link href={`/admin/check-in/${p.id}`} className="underline">
                    {format.dateTime(p.startsAt, p.timeZone)} · {t('report')}
                  </Link>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
