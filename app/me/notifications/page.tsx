// My notices: receipts, virtual-account details and refunds, newest first.
import type { Metadata } from 'next';
import Link from 'next/link';
import { listMyNotifications } from '../../../lib/notifications/list-my-notifications';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';
import { requireUserPage } from '../../_server/session';
import { MarkAllReadButton } from './mark-all-read-button';

export const metadata: Metadata = { title: '알림 Notifications' };

export default async function MyNotificationsPage() {
  const caller = await requireUserPage('/me/notifications');
  const [{ notifications, unread }, format] = await Promise.all([listMyNotifications(db(), caller.id), getFormat()]);
  return (
    <section className="mx-auto max-w-2xl">
      <div className="mb-4 flex items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">알림 Notifications</h1>
        {unread > 0 && <MarkAllReadButton />}
      </div>
      {notifications.length === 0 ? (
        <p className="text-zinc-600">알림이 없습니다.</p>
      ) : (
        <ul className="space-y-3" aria-label="Notifications">
          {notifications.map((n) => (
            <li
              key={n.id}
              data-testid="notification-row"
              className={`rounded-lg border p-4 shadow-sm ${n.readAt ? 'border-zinc-200 bg-white' : 'border-blue-300 bg-blue-50'}`}
            >
              <p className="font-semibold">{n.link ? <Link href={n.link} className="underline">{n.title}</Link> : n.title}</p>
              <p className="mt-1 text-sm text-zinc-700">{n.body}</p>
              <p className="mt-1 text-xs text-zinc-500">{format.dateTime(n.createdAt, 'Asia/Seoul', 'short')}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
