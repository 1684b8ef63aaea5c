'use server';
// The language switcher's server function: one cookie, a year long, read by i18n/request.ts.
import { cookies } from 'next/headers';
import { isLocale, localeCookieName } from '../../lib/i18n/locales';

export async function setLocale(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  if (!isLocale(locale)) return;
  (await cookies()).set(localeCookieName, locale, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax' });
}
