import type { ErrorBody } from '../errors/http-status';
import { getTranslator } from './get-translator';
import type { Locale } from './locales';

/** Reasons whose wording differs from the domain's English message and a catalog entry exists for. */
type Reasons = Parameters<ReturnType<typeof getTranslator<'errors'>>>[0];

/**
 * Rewrites an error body's `message` in the caller's language, keyed by its stable `reason`
 * (when the catalog has one) or `code`; `code`, `reason` and the details stay as they are.
 * `field` stays too, for the form to put the message next to that input.
 * English keeps the domain's own message when no reason matches: it names the specifics
 * (`grade: this performance has no grade VIP`) that a generic sentence would lose.
 */
export function localizeErrorBody(body: ErrorBody, locale: Locale): ErrorBody {
  const t = getTranslator(locale, 'errors');
  const { code, reason, max, retryAfterSeconds } = body.error;
  const reasonKey = typeof reason === 'string' ? `reasons.${reason.startsWith('entry_token') ? 'entry_token' : reason}` : null;
  let message: string;
  if (reasonKey && t.has(reasonKey as Reasons)) {
    message = t(reasonKey as Reasons, { max: Number(max ?? 0) });
  } else if (locale === 'en') {
    return body;
  } else {
    message = t(`codes.${code}`, { retryAfterSeconds: Number(retryAfterSeconds ?? 0) });
  }
  return { error: { ...body.error, message } };
}
