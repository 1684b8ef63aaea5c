// The edge tier (Next 16's middleware): seat, reservation and ticket pages and APIs need an entry
// token for the performance in their path, checked here so that a fan without one costs the
// services nothing. Pages without one go to the waiting room; APIs answer 403 with the reason, in the
// same error body (and request id) as every other refusal, its message in the caller's language
// (the switcher's cookie, then Accept-Language, as the gateway chooses). The gateway and the worker API check
// again (caller binding, revocation).
import { NextResponse, type NextRequest } from 'next/server';
import { entryCookieName } from './lib/entry-token/entry-cookie-name';
import { entryTokenRefused } from './lib/entry-token/entry-token-refused';
import { resolveEntryTokenKeys } from './lib/entry-token/resolve-entry-token-keys';
import { matchProtectedRoute } from './lib/entry-token/match-protected-route';
import { verifyEntryToken } from './lib/entry-token/verify-entry-token';
import { toErrorResponse } from './lib/errors/http-status';
import { resolveRequestId } from './lib/http/resolve-request-id';
import { localeCookieName } from './lib/i18n/locales';
import { localizeErrorBody } from './lib/i18n/localize-error-body';
import { resolveLocale } from './lib/i18n/resolve-locale';
import { waitingRoomPath } from './lib/queue/seat-map-path';
import { webConfig } from './app/_server/config';

export async function proxy(request: NextRequest) {
  const route = matchProtectedRoute(request.nextUrl.pathname);
  if (!route) return NextResponse.next();
  const token = request.headers.get('x-entry-token') ?? request.cookies.get(entryCookieName(route.performanceId))?.value;
  const result = await verifyEntryToken(resolveEntryTokenKeys(webConfig()), token, { performanceId: route.performanceId, nowMs: Date.now() });
  if (result.ok) return NextResponse.next();
  const requestId = resolveRequestId(request.headers.get('x-request-id'));
  console.warn(JSON.stringify({ level: 'warn', requestId, msg: 'entry token refused at the edge', reason: result.reason, path: request.nextUrl.pathname }));
  if (route.kind === 'api') {
    const { status, body } = toErrorResponse(entryTokenRefused(result.reason), requestId);
    const locale = resolveLocale({ cookie: request.cookies.get(localeCookieName)?.value, acceptLanguage: request.headers.get('accept-language') });
    return NextResponse.json(localizeErrorBody(body, locale), { status, headers: { 'x-request-id': requestId } });
  }
  const target = new URL(waitingRoomPath(route.performanceId, request.nextUrl.pathname), request.url);
  return NextResponse.redirect(target);
}

export const config = {
  matcher: ['/performances/:path*', '/events/:path*', '/api/performances/:path*'],
};
