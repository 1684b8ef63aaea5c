// /events/:slug/performances/:id/seats — one performance's seat map with live availability and seat holds.
// proxy.ts lets only holders of an entry token for the performance reach it (the waiting room).
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getPerformanceOverview } from '../../../../../../lib/catalog/get-performance-overview';
import { AppError } from '../../../../../../lib/errors/app-error';
import { SaleStateBadge } from '../../../../../../components/catalog/sale-state-badge';
import { formatDateTime } from '../../../../../../components/format';
import { SeatMapView } from '../../../../../../components/seat-map/seat-map-view';
import { db, redis } from '../../../../../_server/clients';

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
  const performance = await load(performanceId);
  if (performance.event.slug !== slug) notFound();
  return (
    <section>
      <p className="text-sm">
        <Link href={`/events/${slug}`} className="text-zinc-600 underline">
          ← {performance.event.title}
        </Link>
      </p>
      <h1 className="mt-3 text-xl font-bold">좌석 선택 Choose seats</h1>
      <p className="text-sm text-zinc-700">
        <time dateTime={performance.startsAt}>{formatDateTime(performance.startsAt)}</time> · {performance.hall.venue} {performance.hall.name} ·{' '}
        {performance.hall.seatCount.toLocaleString('ko-KR')}석
      </p>
      <div className="my-3">
        <SaleStateBadge sale={performance.sale} />
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
