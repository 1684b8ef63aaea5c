// /admin/waiting-room — performances on sale and their waiting rooms (admins only).
import type { Metadata } from 'next';
import { requireAdminPage } from '../../_server/session';
import { RoomList } from './room-list';

export const metadata: Metadata = { title: 'Waiting rooms' };
// Per request: the admin check reads the session cookie (never prerender a redirect).
export const dynamic = 'force-dynamic';

export default async function WaitingRoomsPage() {
  await requireAdminPage('/admin/waiting-room');
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">대기열 관리 Waiting rooms</h1>
      <RoomList />
    </section>
  );
}
