// Tells a user something, in the app and by email, once per (user, kind, subject): a
// re-delivered event finds the notice already there and the email already sent (or being sent).
// The notice stores facts, not words: the app words it in the reader's language when it is read,
// and the email goes out in the language the user chose (User.locale), since a worker sending it
// has no request to take a language from.
import type { Db } from '../db/create-prisma';
import type { Mailer } from '../mail/create-mailer';
import type { NotificationData, NotificationKind } from './notification-templates';
import { renderNotification } from './render-notification';

export type NotifyUserInput<K extends NotificationKind> = {
  userId: string;
  kind: K;
  /** What the notice is about (a reservation id, a refund id). */
  subjectId: string;
  data: NotificationData<K>;
  /** Where the notice leads in the app, e.g. `/me/reservations/<id>`. */
  link?: string;
};

export type NotifyUserDeps = {
  db: Db;
  /** Absent when the process has no SMTP server configured: the notice is in-app only. */
  mailer?: Mailer;
  now: Date;
};

export type NotifyUserResult = { notificationId: string; created: boolean; emailed: boolean };

/**
 * A claim older than this is taken to be from a sender that died mid-send. nodemailer gives up
 * on a silent socket after 10 minutes (its default socketTimeout), so a live send never holds a
 * claim longer than that.
 */
const EMAIL_CLAIM_TTL_MS = 15 * 60_000;

export async function notifyUser<K extends NotificationKind>(deps: NotifyUserDeps, input: NotifyUserInput<K>): Promise<NotifyUserResult> {
  const key = { userId: input.userId, kind: input.kind, subjectId: input.subjectId };
  const inserted = await deps.db.notification.createMany({
    data: [{ ...key, data: input.data, link: input.link ?? null, createdAt: deps.now }],
    skipDuplicates: true,
  });
  const notification = await deps.db.notification.findUniqueOrThrow({
    where: { userId_kind_subjectId: key },
    select: { id: true, kind: true, data: true, emailedAt: true, user: { select: { email: true, locale: true } } },
  });
  const result = { notificationId: notification.id, created: inserted.count === 1, emailed: false };
  const to = notification.user.email;
  if (!deps.mailer || !to || notification.emailedAt) return result;

  const claimed = await deps.db.notification.updateMany({
    where: {
      id: notification.id,
      emailedAt: null,
      OR: [{ emailClaimedAt: null }, { emailClaimedAt: { lt: new Date(deps.now.getTime() - EMAIL_CLAIM_TTL_MS) } }],
    },
    data: { emailClaimedAt: deps.now },
  });
  if (claimed.count === 0) return result;
  try {
    // The stored facts, not this call's: a re-delivery sends what the first delivery recorded.
    await deps.mailer.send({ to, ...renderNotification(notification.kind, notification.data, notification.user.locale).email });
  } catch (error) {
    // Let the next delivery of the event try again at once instead of after the claim expires.
    await deps.db.notification.update({ where: { id: notification.id }, data: { emailClaimedAt: null } });
    throw error;
  }
  await deps.db.notification.update({ where: { id: notification.id }, data: { emailedAt: deps.now } });
  return { ...result, emailed: true };
}
