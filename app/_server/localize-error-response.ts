// The gateway's last step: error bodies (its own and the worker API's) carry their message in
// the caller's language, chosen like the pages' (cookie → Accept-Language → ko). `code`,
// `reason` and the details pass unchanged, so clients keep branching on them.
import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import type { ErrorBody } from '../../lib/errors/http-status';
import { localeCookieName, type Locale } from '../../lib/i18n/locales';
import { localizeErrorBody } from '../../lib/i18n/localize-error-body';
import { resolveLocale } from '../../lib/i18n/resolve-locale';

export const requestLocale = (request: NextRequest): Locale =>
  resolveLocale({ cookie: request.cookies.get(localeCookieName)?.value, acceptLanguage: request.headers.get('accept-language') });

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' && value !== null && typeof (value as ErrorBody).error?.code === 'string';

/** A forwarded or handler-made error response, rewritten in the caller's language; any other response as it is. */
export async function localizeErrorResponse(request: NextRequest, response: Response): Promise<Response> {
  if (response.status < 400 || !response.headers.get('content-type')?.includes('application/json')) return response;
  const body: unknown = await response.clone().json().catch(() => null);
  if (!isErrorBody(body)) return response;
  return NextResponse.json(localizeErrorBody(body, requestLocale(request)), { status: response.status, headers: response.headers });
}
