// The admin dashboard shell: ADMIN only, a side nav (components/admin/admin-nav.tsx) and the page.
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { AdminNav } from '../../components/admin/admin-nav';
import { requireAdminPage } from '../_server/session';

export async function generateMetadata() {
  const t = await getTranslations();
  return { title: { default: t('admin.title'), template: `%s · ${t('admin.title')} · ${t('meta.title')}` } };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // Who is asking is known only per request: never prerender the admin shell at build time.
  await connection();
  await requireAdminPage('/admin');
  return (
    <div className="grid gap-6 md:grid-cols-[12rem_1fr]">
      <AdminNav />
      <div>{children}</div>
    </div>
  );
}
