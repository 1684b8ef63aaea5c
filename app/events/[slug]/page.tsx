// /events/:slug — an event with its performances, prices per grade and each sale window's state.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getEventDetail, type EventDetail } from '../../../lib/catalog/get-event-detail';
import { AppError } from '../../../lib/errors/app-error';
import type { Genre } from '../../../lib/catalog/genres';
import { seatMapPath } from '../../../lib/queue/seat-map-path';
import { SaleStateBadge } from '../../../components/catalog/sale-state-badge';
import { db, redis } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';

async function load(slug: string): Promise<EventDetail> {
  try {
    return await getEventDetail(db(), redis(), slug);
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    if (error instanceof Error && error.name === 'ZodError') notFound();
    throw error;
  }
}

export default async function EventPage({ params }: { params: Promise<{ slug: string }> }) {
  await connection();
  const { slug } = await params;
  const [event, t, tEvents, format] = await Promise.all([load(slug), getTranslations('event'), getTranslations('events'), getFormat()]);
  return (
    <article>
      <p className="text-sm">
        <Link href="/events" className="text-zinc-600 underline">
          ← {t('back')}
        </Link>
      </p>
      <p className="mt-4 text-xs font-medium uppercase tracking-wide text-rose-700">{tEvents(`genres.${event.genre as Genre}`)}</p>
      <h1 className="text-2xl font-bold">{event.title}</h1>
      {event.artist && <p className="text-zinc-700">{event.artist.name}</p>}
      {event.description && <p className="mt-3 max-w-3xl text-zinc-700">{event.description}</p>}

      <h2 className="mt-8 mb-3 text-lg font-semibold">{t('performances')}</h2>
      <ul className="space-y-4">
        {event.performances.map((p) => (
          <li key={p.id} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid="performance">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div>
                <h3 className="font-semibold">
                  <time dateTime={p.startsAt}>{format.dateTime(p.startsAt, p.hall.timeZone)}</time>
                </h3>
                <p className="text-sm text-zinc-600">
                  {t('hallLine', { venue: p.hall.venue, hall: p.hall.name, seats: format.number(p.hall.seatCount), max: p.maxTicketsPerPerson })}
                </p>
                <SaleStateBadge sale={p.sale} timeZone={p.hall.timeZone} />
              </div>
              <div className="text-right">
                <table className="text-sm" aria-label={t('pricesFor', { time: format.dateTime(p.startsAt, p.hall.timeZone) })}>
                  <tbody>
                    {p.prices.map((price) => (
                      <tr key={price.grade}>
                        <th scope="row" className="pr-3 text-left font-medium">
                          {t('grade', { grade: price.grade })}
                        </th>
                        <td className="tabular-nums" data-testid={`price-${price.grade}`}>
                          {format.krw(price.amountKrw)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {p.status !== 'CANCELLED' && (
                  <Link
                    href={seatMapPath(p.id)}
                    className="mt-3 inline-block rounded bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800"
                  >
                    {t('book')}
                  </Link>
                )}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </article>
  );
}
