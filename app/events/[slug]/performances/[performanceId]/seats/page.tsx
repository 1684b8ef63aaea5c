// /events/:slug/performances/:id/seats — one performance's seat map with live availability and seat holds.
// proxy.ts lets only holders of an entry token for the performance reach it (the waiting room).
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getPerformanceOverview } from '../../../../../../lib/catalog/get-performance-overview';
import { AppError } from '../../../../../../lib/errors/app-error';
import { SaleStateBadge } from '../../../../../../components/catalog/sale-state-badge';
import { SeatMapView } from '../../../../../../components/seat-map/seat-map-view';
import { db, redis } from '../../../../../_server/clients';
import { getFormat } from '../../../../../_server/get-format';

async function load(id: string) {
  try {
    return await getPerformanceOverview(db(), redis(), id);
  } catch (error) {
    if ((error instanceof AppError && error.code === 'not_found') || (error instanceof Error && error.name === 'ZodError')) notFound();
    throw error;
  }
}

export default async function PerformanceSeatMapPage({ params }: { params: Promise<{ slug: string; performanceId: string }> }) {
  await connection();
  const { slug, performanceId } = await params;
  const [performance, t, format] = await Promise.all([load(performanceId), getTranslations('seatMap'), getFormat()]);
  if (performance.event.slug !== slug) notFound();
  return (
    <section>
      <p className="text-sm">
        <Link href={`/events/${slug}`} className="text-zinc-600 underline">
          ← {performance.event.title}
        </Link>
      </p>
      <h1 className="mt-3 text-xl font-bold">{t('title')}</h1>
      <p className="text-sm text-zinc-700">
        <time dateTime={performance.startsAt} data-testid="performance-time">
          {format.dateTime(performance.startsAt, performance.hall.timeZone)}
        </time>{' '}
        · {performance.hall.venue} {performance.hall.name} · {t('seats', { count: format.number(performance.hall.seatCount) })}
      </p>
      <div className="my-3">
        <SaleStateBadge sale={performance.sale} timeZone={performance.hall.timeZone} />
      </div>
      <SeatMapView
        performanceId={performance.id}
        hallId={performance.hall.id}
        seatMapVersion={performance.hall.seatMapVersion}
        prices={performance.prices}
        maxTicketsPerPerson={performance.maxTicketsPerPerson}
      />
    </section>
  );
}
