// The gateway: every /api route handler is an adapter around `gateway()`. It assigns the
// request id, runs the chain in the order the documents fix (URR 6.1: cookie → JWT → rate
// limit → entry token), forwards to the worker API with the internal bearer token, the request
// id and the caller, and maps every error through the one status table.
import 'server-only';
import { randomUUID } from 'node:crypto';
import { NextResponse, type NextRequest } from 'next/server';
import { AppError } from '../../lib/errors/app-error';
import { toErrorResponse } from '../../lib/errors/http-status';
import { requireEntryToken } from './require-entry-token';
import { webConfig } from './config';

export type Caller = { id: string; role: 'USER' | 'ADMIN' };
export type RateLimitCategory = 'AUTH' | 'QUEUE' | 'BOOKING' | 'GENERAL';

export type GatewayOptions<Params> = {
  /** public: anyone; user: signed in (401 otherwise); admin: ADMIN role (401 signed out, 403 otherwise). */
  access: 'public' | 'user' | 'admin';
  /** Rate-limit category of the documents: AUTH 20/min, QUEUE 60/min, BOOKING 10/min, GENERAL 100/min. */
  rateLimit: RateLimitCategory;
  /** For seat/reservation/ticket routes: the performance whose entry token the caller must hold. */
  entryTokenFor?: (params: Params) => string;
  /** Verify the reCAPTCHA v3 token (sign-up, sign-in, queue join); off when no secret is configured. */
  botCheck?: boolean;
};

export type ForwardInit = { method?: string; body?: unknown; query?: URLSearchParams; headers?: Record<string, string> };

export type GatewayContext = {
  request: NextRequest;
  requestId: string;
  caller: Caller | null;
  /** Forwards to the worker API (path starts with /v1) as this caller. */
  forward(path: string, init?: ForwardInit): Promise<NextResponse>;
};

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Link 1–2 of the chain: the session cookie → the signed-in caller, or null. Filled in by the Accounts issue. */
async function resolveCaller(_request: NextRequest): Promise<Caller | null> {
  return null;
}

function authorise(access: GatewayOptions<unknown>['access'], caller: Caller | null) {
  if (access === 'public') return;
  if (!caller) throw new AppError('unauthorized', 'Sign in first');
  if (access === 'admin' && caller.role !== 'ADMIN') throw new AppError('forbidden', 'Administrators only');
}

export function gateway<Params = Record<string, never>>(
  options: GatewayOptions<Params>,
  handler: (ctx: GatewayContext, params: Params) => Promise<Response>,
) {
  return async (request: NextRequest, route: { params: Promise<Params> }) => {
    const given = request.headers.get('x-request-id');
    const requestId = given && REQUEST_ID.test(given) ? given : randomUUID();
    try {
      const caller = await resolveCaller(request);
      authorise(options.access, caller);
      const params = await route.params;
      // Link 4: the entry token for the performance in the path (issue 7); forwarded so the worker API checks it again.
      const entryToken = options.entryTokenFor ? await requireEntryToken(request, caller, options.entryTokenFor(params), requestId) : null;
      const ctx: GatewayContext = {
        request,
        requestId,
        caller,
        forward: (path, init) =>
          forwardToWorkers(requestId, caller, path, entryToken ? { ...init, headers: { 'x-entry-token': entryToken, ...init?.headers } } : init),
      };
      const response = await handler(ctx, params);
      response.headers.set('x-request-id', requestId);
      return response;
    } catch (error) {
      if (!(error instanceof AppError)) console.error(JSON.stringify({ level: 'error', requestId, msg: 'gateway error', err: String(error) }));
      const { status, body } = toErrorResponse(error, requestId);
      return NextResponse.json(body, { status, headers: { 'x-request-id': requestId } });
    }
  };
}

async function forwardToWorkers(requestId: string, caller: Caller | null, path: string, init: ForwardInit = {}): Promise<NextResponse> {
  const config = webConfig();
  const url = new URL(path, config.WORKER_API_URL);
  if (init.query) url.search = init.query.toString();
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        authorization: `Bearer ${config.INTERNAL_API_TOKEN}`,
        'x-request-id': requestId,
        ...(caller ? { 'x-user-id': caller.id, 'x-user-role': caller.role } : {}),
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...init.headers,
      },
      body: init.body !== undefined ? JSON.stringify(init.body) : undefined,
      signal: AbortSignal.timeout(config.WORKER_TIMEOUT_MS),
      cache: 'no-store',
    });
  } catch {
    throw new AppError('unavailable', 'The service is temporarily unavailable, please retry');
  }
  const headers = new Headers({ 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
  for (const name of ['retry-after', 'cache-control', 'etag']) {
    const value = upstream.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new NextResponse(upstream.body, { status: upstream.status, headers });
}
