import { useLocale } from 'next-intl';
import { useMemo } from 'react';
import { createFormat, type Format } from '../../lib/i18n/create-format';

/** Dates on the venue clock, won and seat labels in the reader's language (docs/i18n.md). */
export function useFormat(): Format {
  const locale = useLocale();
  return useMemo(() => createFormat(locale), [locale]);
}
