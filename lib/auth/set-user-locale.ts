// The language switcher, signed in: the choice is remembered on the account too, so the emails a
// worker sends later (with no request to read a cookie from) follow it.
import type { Db } from '../db/create-prisma';
import type { Locale } from '../i18n/locales';

export async function setUserLocale(db: Db, input: { userId: string; locale: Locale }): Promise<void> {
  await db.user.updateMany({ where: { id: input.userId, locale: { not: input.locale } }, data: { locale: input.locale } });
}
