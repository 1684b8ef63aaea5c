// Strings outside React (gateway error bodies, emails, exports): the same catalogs and ICU
// message syntax as the pages, through use-intl's framework-free core.
import { createTranslator } from 'use-intl/core';
import en from '../../messages/en.json';
import ko from '../../messages/ko.json';
import type { Locale } from './locales';

// `satisfies` makes a key missing from en.json a type error.
export const catalogs = { ko, en: en satisfies typeof ko } as const;
export type Messages = typeof ko;

export function getTranslator<Namespace extends keyof Messages>(locale: Locale, namespace: Namespace) {
  return createTranslator({ locale, messages: catalogs[locale] as Messages, namespace });
}
