import 'server-only';
import { getLocale } from 'next-intl/server';
import { createFormat, type Format } from '../../lib/i18n/create-format';

/** The server components' twin of useFormat(): formatters bound to the request's language. */
export async function getFormat(): Promise<Format> {
  return createFormat(await getLocale());
}
