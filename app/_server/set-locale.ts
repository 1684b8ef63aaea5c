'use server';
// The language switcher's server function: one cookie, a year long, read by i18n/request.ts; a
// signed-in user's account remembers the choice for the emails sent to them.
import { cookies } from 'next/headers';
import { setUserLocale } from '../../lib/auth/set-user-locale';
import { isLocale, localeCookieName } from '../../lib/i18n/locales';
import { db } from './clients';
import { getCaller } from './session';

export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookieName, locale, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax' });
  const caller = await getCaller();
  if (caller) await setUserLocale(db(), { userId: caller.id, locale });
}
