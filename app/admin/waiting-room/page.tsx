// /admin/waiting-room — performances on sale and their waiting rooms (admins only).
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireAdminPage } from '../../_server/session';
import { RoomList } from './room-list';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.rooms'))('title') };
}
// Per request: the admin check reads the session cookie (never prerender a redirect).
export const dynamic = 'force-dynamic';

export default async function WaitingRoomsPage() {
  await requireAdminPage('/admin/waiting-room');
  const t = await getTranslations('admin.rooms');
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <RoomList />
    </section>
  );
}
