// Typed message keys: t('missing.key') fails `tsc`, and en.json must have the same shape as ko.json.
import type { Locale } from '../lib/i18n/locales';
import type { Messages } from '../lib/i18n/get-translator';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
