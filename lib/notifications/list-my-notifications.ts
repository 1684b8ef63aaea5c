// The caller's notices, newest first, worded in the reader's language, and how many are unread.
import type { Db } from '../db/create-prisma';
import type { Locale } from '../i18n/locales';
import { renderNotification } from './render-notification';

export type NotificationView = {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  readAt: string | null;
  createdAt: string;
};

const PAGE_SIZE = 50;

export async function listMyNotifications(db: Db, userId: string, locale: Locale): Promise<{ notifications: NotificationView[]; unread: number }> {
  const [rows, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: PAGE_SIZE,
      select: { id: true, kind: true, data: true, link: true, readAt: true, createdAt: true },
    }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return {
    notifications: rows.map(({ data, ...row }) => {
      const { title, body } = renderNotification(row.kind, data, locale);
      return { ...row, title, body, readAt: row.readAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() };
    }),
    unread,
  };
}
