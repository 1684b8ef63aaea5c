// The gateway: every /api route handler is an adapter around `gateway()`. It assigns the
// request id, runs the chain in a fixed order (cookie → JWT → rate limit →
// entry token; docs/decisions.md says why), forwards to the worker API with the internal bearer token, the request
// id and the caller, and maps every error through the one status table. docs/gateway.md
// describes each link.
import 'server-only';
import { context, propagation, SpanKind } from '@opentelemetry/api';
import { decode } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { ZodError } from 'zod';
import { verifyBotToken } from '../../lib/bot-check/verify-bot-token';
import { AppError } from '../../lib/errors/app-error';
import { toErrorResponse } from '../../lib/errors/http-status';
import { resolveRequestId } from '../../lib/http/resolve-request-id';
import { localizeErrorBody } from '../../lib/i18n/localize-error-body';
import { consumeRateLimit } from '../../lib/rate-limit/consume-rate-limit';
import { resolveClientIp } from '../../lib/rate-limit/resolve-client-ip';
import { runInSpan } from '../../lib/tracing/run-in-span';
import { getUserStanding } from '../../lib/auth/get-user-standing';
import { db, redis } from './clients';
import { localizeErrorResponse, requestLocale } from './localize-error-response';
import { parseRequestBody } from './parse-request-body';
import { requireEntryToken } from './require-entry-token';
import { botCheckConfig, webConfig } from './config';
import { parseRole, type Role } from '../../lib/auth/roles';

export type Caller = { id: string; role: Role };
export type RateLimitCategory = 'AUTH' | 'QUEUE' | 'BOOKING' | 'GENERAL';

export type GatewayOptions<Params> = {
  /** public: anyone; user: signed in (401 otherwise); admin: ADMIN role (401 signed out, 403 otherwise). */
  access: 'public' | 'user' | 'admin';
  /**
   * Rate-limit category: AUTH 20/min, QUEUE 60/min, BOOKING 10/min, GENERAL 100/min.
   * `false` only for a public route that bounds its own cost and needs no caller: the waiting-room
   * status poll, which 100,000 fans call every few seconds, must cost exactly one Redis call.
   */
  rateLimit: RateLimitCategory | false;
  /** For seat/reservation/ticket routes: the performance whose entry token the caller must hold. */
  entryTokenFor?: (params: Params) => string;
  /**
   * Verify the reCAPTCHA v3 token (sign-up, sign-in, queue join) sent in the x-recaptcha-token
   * header; off when no secret is configured. `true` expects the token's action to be the path's
   * last segment with '-' → '_' (sign-up → sign_up); `{ action }` names it.
   */
  botCheck?: boolean | { action: string };
  /**
   * The route takes a JSON body: read and parsed here, once, for every method but GET/HEAD/OPTIONS
   * (see parse-request-body.ts), and handed to the handler as `ctx.body`.
   */
  jsonBody?: boolean;
  /** Largest body accepted (default 1 MiB, as the worker API); past it the answer is 413. */
  maxBodyBytes?: number;
};

export type ForwardInit = {
  method?: string;
  body?: unknown;
  /** Sent byte for byte instead of `body` (a signed webhook: re-serialising would break its signature). */
  rawBody?: string;
  query?: URLSearchParams;
  headers?: Record<string, string>;
  /**
   * The answer is a download streamed as it is produced (a CSV export): WORKER_TIMEOUT_MS bounds
   * the wait for its headers only, not the whole transfer.
   */
  stream?: boolean;
};

export type GatewayContext = {
  request: NextRequest;
  requestId: string;
  caller: Caller | null;
  /** The parsed JSON body of a `jsonBody` route (undefined when the request sent none). */
  body: unknown;
  /** Forwards to the worker API (path starts with /v1) as this caller. */
  forward(path: string, init?: ForwardInit): Promise<NextResponse>;
};

/** The browser sends the reCAPTCHA v3 token of a `botCheck` route in this header. */
export const BOT_TOKEN_HEADER = 'x-recaptcha-token';

/** Auth.js names the cookie with the __Secure- prefix when it is set over https. */
export const SESSION_COOKIES = ['__Secure-authjs.session-token', 'authjs.session-token'] as const;

export type SessionUser = Caller & { name: string | null; email: string | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Links 1–2 of the chain: the session cookie → the Auth.js JWT (a JWE: encrypted and
 * authenticated with AUTH_SECRET, salted with the cookie name) → the caller. A missing,
 * tampered, expired or foreign cookie is simply "signed out": it never raises an error.
 */
async function decodeSessionCookie(cookie: (name: string) => string | undefined): Promise<SessionUser | null> {
  for (const name of SESSION_COOKIES) {
    const token = cookie(name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret: webConfig().AUTH_SECRET, salt: name });
      if (!payload || typeof payload.sub !== 'string' || !UUID.test(payload.sub)) return null;
      return {
        id: payload.sub,
        role: parseRole(payload.role),
        name: typeof payload.name === 'string' ? payload.name : null,
        email: typeof payload.email === 'string' ? payload.email : null,
      };
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * The session as it stands now: the cookie's user with the role PostgreSQL holds today (an
 * admin may have changed it since the cookie was minted), flagged when an admin suspended them.
 * A user who no longer exists is signed out.
 */
export async function readSession(cookie: (name: string) => string | undefined): Promise<{ user: SessionUser; suspended: boolean } | null> {
  const user = await decodeSessionCookie(cookie);
  if (!user) return null;
  const standing = await getUserStanding({ db: db(), redis: redis() }, user.id);
  return standing && { user: { ...user, role: standing.role }, suspended: standing.suspended };
}

/** The signed-in user, or null when signed out or suspended. */
export async function readSessionUser(cookie: (name: string) => string | undefined): Promise<SessionUser | null> {
  const session = await readSession(cookie);
  return session && !session.suspended ? session.user : null;
}

/** The address an anonymous caller's rate limit is keyed on (see resolve-client-ip.ts). */
export function clientIp(request: NextRequest): string {
  return resolveClientIp(request.headers.get('x-forwarded-for'), webConfig().TRUSTED_PROXIES) ?? 'unknown';
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Link 0: cross-site request refusal. next-auth's CSRF token guards only its own routes, and
 * SameSite=Lax does not stop a same-site attacker (a sibling subdomain) or an old browser, so
 * every state-changing request must come from our own origin. Browsers
 * always send Origin on POST/PUT/PATCH/DELETE; a request without it (curl, a server) is not a
 * CSRF vector unless Sec-Fetch-Site says a browser sent it cross-site.
 */
export function checkOrigin(request: NextRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get('origin');
  if (origin === null) {
    if (request.headers.get('sec-fetch-site') === 'cross-site') throw new AppError('forbidden', 'Cross-site requests are refused');
    return;
  }
  if (!ownOrigins(request).has(origin)) throw new AppError('forbidden', 'Cross-site requests are refused');
}

/**
 * The URL the browser used, for Auth.js's callback and redirect URLs: PUBLIC_ORIGIN when set,
 * else the Host the request came with (see ownOrigins for why not nextUrl).
 */
export function publicRequestUrl(request: NextRequest): URL {
  const url = new URL(request.nextUrl.href);
  const configured = webConfig().PUBLIC_ORIGIN;
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? request.headers.get('host');
  const origin = configured ?? (host && (proto === 'http' || proto === 'https') ? `${proto}://${host}` : null);
  return origin ? new URL(url.pathname + url.search, origin) : url;
}

/**
 * The origins this request was addressed to. `next start` builds nextUrl from its own bind
 * address, not the Host the browser used, so the Host (or a proxy's X-Forwarded-Host) counts
 * too: a cross-site page can make the browser send our Host but cannot set X-Forwarded-Host
 * without a CORS preflight, which we never grant.
 */
function ownOrigins(request: NextRequest): Set<string> {
  const origins = new Set([request.nextUrl.origin]);
  const configured = webConfig().PUBLIC_ORIGIN;
  if (configured) origins.add(configured);
  const proto = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? request.nextUrl.protocol.replace(':', '');
  for (const host of [request.headers.get('x-forwarded-host')?.split(',')[0]?.trim(), request.headers.get('host')]) {
    if (host && (proto === 'http' || proto === 'https')) origins.add(`${proto}://${host}`);
  }
  return origins;
}

/**
 * The rate-limit link fails open: while Redis is unreachable requests pass unthrottled (the log
 * says so once per outage) rather than every page and sign-in answering 500; the rate limit
 * protects capacity, it decides no sale. While the client is reconnecting the link does not even
 * wait: each queued command would hold the request for up to two reconnect attempts (~4 s).
 */
let rateLimitDown = false;
async function rateLimit(category: RateLimitCategory, subject: string, requestId: string): Promise<void> {
  const client = redis();
  try {
    if (client.status === 'reconnecting' || client.status === 'close' || client.status === 'end') throw new Error(`redis ${client.status}`);
    await consumeRateLimit(client, { category, subject });
    if (rateLimitDown) {
      rateLimitDown = false;
      console.warn(JSON.stringify({ level: 'info', service: 'web', requestId, msg: 'rate limit back: Redis reachable again' }));
    }
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (!rateLimitDown) console.warn(JSON.stringify({ level: 'warn', service: 'web', requestId, msg: 'rate limit skipped while Redis is unavailable', err: String(error) }));
    rateLimitDown = true;
  }
}

async function checkBot(request: NextRequest, action: string): Promise<void> {
  const settings = botCheckConfig();
  if (!settings) return;
  await verifyBotToken(settings, { token: request.headers.get(BOT_TOKEN_HEADER) ?? '', remoteIp: clientIp(request), action });
}

/** The bot-check action a route's token must have been issued for: the path's last segment. */
const actionOf = (request: NextRequest) => request.nextUrl.pathname.split('/').filter(Boolean).slice(-1)[0]?.replace(/-/g, '_') ?? '';

function authorise(access: GatewayOptions<unknown>['access'], caller: Caller | null, suspended: boolean) {
  if (access === 'public') return;
  if (suspended) throw new AppError('forbidden', 'This account is suspended', { reason: 'account_suspended' });
  if (!caller) throw new AppError('unauthorized', 'Sign in first');
  if (access === 'admin' && caller.role !== 'ADMIN') throw new AppError('forbidden', 'Administrators only');
}

export function gateway<Params = Record<string, never>>(
  options: GatewayOptions<Params>,
  handler: (ctx: GatewayContext, params: Params) => Promise<Response>,
) {
  return (request: NextRequest, route: { params: Promise<Params> }) =>
    runInSpan(`gateway ${request.method}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method, 'url.path': request.nextUrl.pathname } }, () =>
      handle(options, handler, request, route),
    );
}

async function handle<Params>(
  options: GatewayOptions<Params>,
  handler: (ctx: GatewayContext, params: Params) => Promise<Response>,
  request: NextRequest,
  route: { params: Promise<Params> },
): Promise<Response> {
  const requestId = resolveRequestId(request.headers.get('x-request-id'));
  try {
    // 0. Origin: state-changing requests from another site are refused before anything else.
    checkOrigin(request);
    // 1–2. Session cookie → JWT → caller (null when signed out, suspended or the cookie does not
    //      verify), with the role the user holds now.
    const needsCaller = options.access !== 'public' || options.rateLimit !== false || options.entryTokenFor !== undefined;
    const session = needsCaller ? await readSession((name) => request.cookies.get(name)?.value) : null;
    const suspended = session?.suspended === true;
    const caller = session && !suspended ? { id: session.user.id, role: session.user.role } : null;
    // 3. Rate limit per user when signed in, per client IP otherwise.
    if (options.rateLimit !== false) await rateLimit(options.rateLimit, caller ? `user:${caller.id}` : `ip:${clientIp(request)}`, requestId);
    // 4. Access: public / user (401) / admin (401 signed out, 403 without the role); a suspended
    //    user's session is refused (403) wherever a caller is needed.
    authorise(options.access, caller, suspended);
    const params = await route.params;
    // 5. Entry token (the waiting room) for the performance in the path; forwarded so the worker
    //    API checks it again.
    const entryToken = options.entryTokenFor ? await requireEntryToken(request, caller, options.entryTokenFor(params), requestId) : null;
    // 6. The JSON body, once refused callers are out: a 401 stays a 401 whatever they sent.
    const body = options.jsonBody && !SAFE_METHODS.has(request.method) ? await parseRequestBody(request, { maxBytes: options.maxBodyBytes }) : undefined;
    // 7. Bot check (reCAPTCHA v3) last, so refused, throttled and malformed requests cost no call to Google.
    if (options.botCheck) await checkBot(request, options.botCheck === true ? actionOf(request) : options.botCheck.action);
    const ctx: GatewayContext = {
      request,
      requestId,
      caller,
      body,
      forward: (path, init) =>
        forwardToWorkers(requestId, caller, path, entryToken ? { ...init, headers: { 'x-entry-token': entryToken, ...init?.headers } } : init),
    };
    return withRequestId(await localizeErrorResponse(request, await handler(ctx, params)), requestId);
  } catch (error) {
    if (!(error instanceof AppError) && !(error instanceof ZodError)) console.error(JSON.stringify({ level: 'error', requestId, msg: 'gateway error', err: String(error) }));
    const { status, body } = toErrorResponse(error, requestId);
    const headers: Record<string, string> = { 'x-request-id': requestId };
    if (error instanceof AppError && error.code === 'rate_limited') headers['retry-after'] = String(error.details?.retryAfterSeconds ?? 60);
    return NextResponse.json(localizeErrorBody(body, requestLocale(request)), { status, headers });
  }
}

/** Some responses (Response.redirect) have immutable headers: copy those before tagging. */
function withRequestId(response: Response, requestId: string): Response {
  try {
    response.headers.set('x-request-id', requestId);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set('x-request-id', requestId);
    return copy;
  }
}

/** The header the ALB's listener rule matches (infra/terraform/modules/alb `origin_header_name`). */
const ALB_ORIGIN_HEADER = 'x-openseat-origin';

function forwardToWorkers(requestId: string, caller: Caller | null, path: string, init: ForwardInit = {}): Promise<NextResponse> {
  const method = init.method ?? 'GET';
  return runInSpan(`forward ${method}`, { kind: SpanKind.CLIENT, attributes: { 'http.request.method': method, 'url.path': path } }, () => forward(requestId, caller, path, init));
}

async function forward(requestId: string, caller: Caller | null, path: string, init: ForwardInit): Promise<NextResponse> {
  const config = webConfig();
  const url = new URL(path, config.WORKER_API_URL);
  if (init.query) url.search = init.query.toString();
  // The worker API's request span continues this trace (traceparent, W3C).
  const trace: Record<string, string> = {};
  propagation.inject(context.active(), trace);
  // A JSON answer must arrive whole within the timeout; a stream only has to start within it.
  const untilHeaders = init.stream ? new AbortController() : null;
  const headersTimer = untilHeaders && setTimeout(() => untilHeaders.abort(), config.WORKER_TIMEOUT_MS);
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        ...trace,
        authorization: `Bearer ${config.INTERNAL_API_TOKEN}`,
        ...(config.ALB_ORIGIN_SECRET ? { [ALB_ORIGIN_HEADER]: config.ALB_ORIGIN_SECRET[0]! } : {}),
        'x-request-id': requestId,
        ...(caller ? { 'x-user-id': caller.id, 'x-user-role': caller.role } : {}),
        ...(init.body !== undefined || init.rawBody !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.rawBody ?? (init.body !== undefined ? JSON.stringify(init.body) : undefined),
      signal: untilHeaders?.signal ?? AbortSignal.timeout(config.WORKER_TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch {
    throw new AppError('unavailable', 'The service is temporarily unavailable, please retry');
  } finally {
    if (headersTimer) clearTimeout(headersTimer);
  }
  const headers = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
  for (const name of ['retry-after', 'cache-control', 'etag', 'content-disposition']) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new NextResponse(upstream.body, { status: upstream.status, headers });
}
