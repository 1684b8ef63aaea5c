// My notices: receipts, virtual-account details and refunds, newest first, in the reader's language.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { serviceTimeZone } from '../../../lib/i18n/locales';
import { listMyNotifications } from '../../../lib/notifications/list-my-notifications';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';
import { requireUserPage } from '../../_server/session';
import { MarkAllReadButton } from './mark-all-read-button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('me.notifications'))('title') };
}

export default async function MyNotificationsPage() {
  const caller = await requireUserPage('/me/notifications');
  const [locale, t, format] = await Promise.all([getLocale(), getTranslations('me.notifications'), getFormat()]);
  const { notifications, unread } = await listMyNotifications(db(), caller.id, locale);
  return (
    <section className="mx-auto max-w-2xl">
      <div className="mb-4 flex items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t('title')}</h1>
        {unread > 0 && <MarkAllReadButton />}
      </div>
      {notifications.length === 0 ? (
        <p className="text-zinc-600">{t('empty')}</p>
      ) : (
        <ul className="space-y-3" aria-label={t('list')}>
          {notifications.map((n) => (
            <li
              key={n.id}
              data-testid="notification-row"
              className={`rounded-lg border p-4 shadow-sm ${n.readAt ? 'border-zinc-200 bg-white' : 'border-blue-300 bg-blue-50'}`}
            >
              <p className="font-semibold">{n.link ? <Link href={n.link} className="underline">{n.title}</Link> : n.title}</p>
              <p className="mt-1 text-sm text-zinc-700">{n.body}</p>
              {/* When the notice was sent belongs to no venue: it is read on the service's clock. */}
              <p className="mt-1 text-xs text-zinc-500">{format.dateTime(n.createdAt, serviceTimeZone, 'short')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
