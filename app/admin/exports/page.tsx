// /admin/exports — CSV downloads of sales, payments, refunds and check-ins for a range of days.
import { getTranslations } from 'next-intl/server';
import { EXPORT_KINDS } from '../../../lib/exports/export-kinds';
import { EXPORT_TIME_ZONE } from '../../../lib/exports/stream-admin-export';
import { getZonedParts } from '../../../lib/i18n/get-zoned-parts';
import { ExportForm } from './export-form';

export async function generateMetadata() {
  return { title: (await getTranslations('adminLists.exports'))('title') };
}

export default async function AdminExportsPage() {
  const t = await getTranslations('adminLists.exports');
  // Today on the export's calendar: the form's default range.
  const today = getZonedParts(new Date(), EXPORT_TIME_ZONE);
  const day = `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`;
  return (
    <section className="space-y-4">
      <h1 className="text-2xl font-bold">{t('title')}</h1>
      <p className="text-sm text-zinc-700">{t('intro')}</p>
      <ExportForm kinds={EXPORT_KINDS} defaultDay={day} />
    </section>
  );
}
