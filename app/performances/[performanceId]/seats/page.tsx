// /performances/:id/seats — where the waiting room sends an admitted fan (seatMapPath). proxy.ts
// lets only entry-token holders through; this page forwards them to the catalog's seat map.
import { notFound, redirect } from 'next/navigation';
import { connection } from 'next/server';
import { findPerformanceSlug } from '../../../../lib/queue/find-performance-slug';
import { db } from '../../../_server/clients';

export default async function SeatMapEntry({ params }: { params: Promise<{ performanceId: string }> }) {
  await connection();
  const { performanceId } = await params;
  const slug = await findPerformanceSlug(db(), performanceId);
  if (!slug) notFound();
  redirect(`/events/${slug}/performances/${performanceId}/seats`);
}
