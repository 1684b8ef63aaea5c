// next-intl's per-request configuration (wired in next.config.js): the language comes from the
// switcher's cookie, then Accept-Language, then Korean. No locale prefix in URLs: a shared link
// opens in the reader's own language.
import { cookies, headers } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { catalogs } from '../lib/i18n/get-translator';
import { localeCookieName } from '../lib/i18n/locales';
import { resolveLocale } from '../lib/i18n/resolve-locale';

export default getRequestConfig(async () => {
  const [jar, headerList] = await Promise.all([cookies(), headers()]);
  const locale = resolveLocale({ cookie: jar.get(localeCookieName)?.value, acceptLanguage: headerList.get('accept-language') });
  // Times are always formatted with the venue's zone (lib/i18n/format-date-time.ts); this default
  // only keeps next-intl from guessing the server's zone.
  return { locale, messages: catalogs[locale], timeZone: 'Asia/Seoul' };
});
