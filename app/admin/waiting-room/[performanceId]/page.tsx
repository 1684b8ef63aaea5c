// /admin/waiting-room/[performanceId] — live counts, queue depth chart, pause/resume, rate and capacity.
import type { Metadata } from 'next';
import { requireAdminPage } from '../../../_server/session';
import { RoomDashboard } from './room-dashboard';

export const metadata: Metadata = { title: 'Waiting room' };

export default async function WaitingRoomAdminPage({ params }: { params: Promise<{ performanceId: string }> }) {
  const { performanceId } = await params;
  await requireAdminPage(`/admin/waiting-room/${performanceId}`);
  return <RoomDashboard performanceId={performanceId} />;
}
