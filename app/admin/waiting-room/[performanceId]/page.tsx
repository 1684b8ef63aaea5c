// /admin/waiting-room/[performanceId] — live counts, queue depth chart, pause/resume, rate and capacity.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { getPerformanceTimeZone } from '../../../../lib/catalog/get-performance-time-zone';
import { AppError } from '../../../../lib/errors/app-error';
import { db } from '../../../_server/clients';
import { requireAdminPage } from '../../../_server/session';
import { RoomDashboard } from './room-dashboard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.room'))('title') };
}

export default async function WaitingRoomAdminPage({ params }: { params: Promise<{ performanceId: string }> }) {
  const { performanceId } = await params;
  await requireAdminPage(`/admin/waiting-room/${performanceId}`);
  const timeZone = await getPerformanceTimeZone(db(), performanceId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  return <RoomDashboard performanceId={performanceId} timeZone={timeZone} />;
}
