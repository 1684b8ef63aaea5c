import { isLocale, defaultLocale, type Locale } from '../i18n/locales';
import type { NotificationContent } from './notification-content';
import { NOTIFICATION_TEMPLATES, type NotificationKind } from './notification-templates';

/** Words a stored notice (its kind and facts) in the reader's language; a stored locale outside the catalogs reads as Korean. */
export function renderNotification(kind: string, data: unknown, locale: Locale | string): NotificationContent {
  const render = NOTIFICATION_TEMPLATES[kind as NotificationKind] as (data: unknown, locale: Locale) => NotificationContent;
  return render(data, isLocale(locale) ? locale : defaultLocale);
}
