// Two buttons, each written in its own language (lang attribute), posting to a server function:
// works before hydration too.
import { getLocale, getTranslations } from 'next-intl/server';
import { setLocale } from '../app/_server/set-locale';
import { locales } from '../lib/i18n/locales';

const NAMES = { ko: '한국어', en: 'English' } as const;

export async function LocaleSwitcher() {
  const [current, t] = await Promise.all([getLocale(), getTranslations('localeSwitcher')]);
  return (
    <form action={setLocale} role="group" aria-label={t('label')} className="flex items-center gap-1 text-sm" data-testid="locale-switcher">
      {locales.map((locale) => (
        <button
          key={locale}
          type="submit"
          name="locale"
          value={locale}
          lang={locale}
          aria-pressed={locale === current}
          className={
            locale === current
              ? 'rounded px-2 py-1 font-semibold text-zinc-900 underline underline-offset-4'
              : 'rounded px-2 py-1 text-zinc-700 hover:bg-zinc-100 hover:text-zinc-950'
          }
        >
          {NAMES[locale]}
        </button>
      ))}
    </form>
  );
}
