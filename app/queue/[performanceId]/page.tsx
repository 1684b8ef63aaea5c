// The waiting room: a thin shell (no session, no database: the venue's zone comes from the
// catalog cache); everything live comes from the status poll of the client component. Rendered
// per request because it speaks the reader's language (cookie / Accept-Language).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { getPerformanceOverview } from '../../../lib/catalog/get-performance-overview';
import { AppError } from '../../../lib/errors/app-error';
import { db, redis } from '../../_server/clients';
import { WaitingRoom } from './waiting-room';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('queue'))('title') };
}

export default async function WaitingRoomPage({ params }: { params: Promise<{ performanceId: string }> }) {
  const { performanceId } = await params;
  const performance = await getPerformanceOverview(db(), redis(), performanceId).catch((error: unknown) => {
    if ((error instanceof AppError && error.code === 'not_found') || (error instanceof Error && error.name === 'ZodError')) notFound();
    throw error;
  });
  return (
    <Suspense>
      <WaitingRoom timeZone={performance.hall.timeZone} />
    </Suspense>
  );
}
