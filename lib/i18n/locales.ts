// The site speaks one language at a time: Korean first, English for foreign fans.
export const locales = ['ko', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'ko';
/** The cookie the language switcher writes; read before `Accept-Language`. */
export const localeCookieName = 'NEXT_LOCALE';

export const isLocale = (value: unknown): value is Locale => typeof value === 'string' && (locales as readonly string[]).includes(value);
/**
 * The clock for times that belong to no venue (when an account was made, when a notice was
 * sent, the admin's business day): the service is run from Korea.
 */
export const serviceTimeZone = 'Asia/Seoul';
