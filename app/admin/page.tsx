// /admin — the dashboard's landing page: what is in the catalog at a glance.
import Link from 'next/link';
import { connection } from 'next/server';
import { getTranslations } from 'next-intl/server';
import { db } from '../_server/clients';
import { requireAdminPage } from '../_server/session';

export default async function AdminHome() {
  await connection();
  await requireAdminPage('/admin');
  const t = await getTranslations('admin.home');
  const [events, published, performances, halls] = await Promise.all([
    db().event.count(),
    db().event.count({ where: { status: 'PUBLISHED' } }),
    db().performance.count({ where: { status: 'PUBLISHED', startsAt: { gt: new Date() } } }),
    db().hall.count(),
  ]);
  return (
    <section>
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      <dl className="grid gap-4 sm:grid-cols-4">
        {[
          [t('events'), events],
          [t('published'), published],
          [t('upcoming'), performances],
          [t('halls'), halls],
        ].map(([label, value]) => (
          <div key={label} className="rounded-lg border border-zinc-200 bg-white p-4">
            <dt className="text-xs text-zinc-600">{label}</dt>
            <dd className="text-2xl font-semibold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-6 text-sm">
        <Link href="/admin/catalog" className="underline">
          {t('manage')}
        </Link>
      </p>
    </section>
  );
}
