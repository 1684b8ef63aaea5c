// /admin/dashboard — sales, occupancy, the funnel, payments and the waiting room, refreshed live
// from the stats read side (GET /api/admin/stats). Admins only.
import type { Metadata } from 'next';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { getZonedParts } from '../../../lib/i18n/get-zoned-parts';
import { requireAdminPage } from '../../_server/session';
import { StatsDashboard } from './stats-dashboard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard'))('title') };
}

// The default range: the last seven days on the service's home clock.
const DEFAULT_DAYS = 7;

function seoulDay(instant: Date): string {
  const p = getZonedParts(instant, 'Asia/Seoul');
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

export default async function AdminDashboardPage() {
  await connection();
  await requireAdminPage('/admin/dashboard');
  const t = await getTranslations('dashboard');
  const now = new Date();
  const range = { from: seoulDay(new Date(now.getTime() - (DEFAULT_DAYS - 1) * 86_400_000)), to: seoulDay(now) };
  return (
    <section>
      <h1 className="mb-1 text-2xl font-bold">{t('title')}</h1>
      <p className="mb-6 text-sm text-zinc-600">{t('intro')}</p>
      <StatsDashboard initialRange={range} />
    </section>
  );
}
