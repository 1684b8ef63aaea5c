// /admin/outbox — the event bus at a glance for operators: backlog, publish rate, consumer lag,
// dead letters with their error, and replay. Admins only.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { requireAdminPage } from '../../_server/session';
import { OutboxDashboard } from './outbox-dashboard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('admin.nav'))('outbox') };
}

export default async function AdminOutboxPage() {
  await connection();
  await requireAdminPage('/admin/outbox');
  const t = await getTranslations('admin.outbox');
  return (
    <section>
      <h1 className="mb-1 text-2xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-sm text-zinc-600">{t('intro')}</p>
      <OutboxDashboard />
    </section>
  );
}
