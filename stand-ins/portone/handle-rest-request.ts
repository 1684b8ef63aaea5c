// PortOne's REST API as @portone/server-sdk calls it: `Authorization: PortOne <secret>`, JSON
// bodies sent without a content type, `{ type, message }` errors with PortOne's statuses.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Payment } from '@portone/server-sdk';
import { readBody, sendJson } from '../http-io';
import type { PaymentLedger } from './payment-ledger';
import { PortOneApiError } from './portone-api-error';
import type { StandInFaults } from './stand-in-types';
import type { WebhookDispatcher } from './webhook-dispatcher';

export type RestContext = {
  apiSecret: string;
  storeId: string;
  ledger: PaymentLedger;
  dispatcher: WebhookDispatcher;
  faults: () => StandInFaults;
  now: () => Date;
};

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 1000;
const NINETY_DAYS_MS = 90 * 86_400_000;

type Route = { method: string; pattern: RegExp; run: (ctx: RestContext, params: string[], input: RouteInput) => unknown };
type RouteInput = { body: Record<string, unknown>; query: URLSearchParams };

const ROUTES: Route[] = [
  { method: 'GET', pattern: /^\/payments\/([^/]+)$/, run: (ctx, [id]) => ctx.ledger.find(id!) },
  {
    method: 'POST',
    pattern: /^\/payments\/([^/]+)\/pre-register$/,
    run: (ctx, [id], { body }) => (ctx.ledger.preRegister(id!, body as Payment.PreRegisterPaymentBody), {}),
  },
  {
    method: 'POST',
    pattern: /^\/payments\/([^/]+)\/confirm$/,
    run: (ctx, [id], { body }) => ctx.ledger.confirm(id!, body as Payment.ConfirmPaymentBody),
  },
  {
    method: 'POST',
    pattern: /^\/payments\/([^/]+)\/cancel$/,
    run: (ctx, [id], { body }) => ctx.ledger.cancel(id!, body as Payment.CancelPaymentBody),
  },
  { method: 'POST', pattern: /^\/payments\/([^/]+)\/virtual-account\/close$/, run: (ctx, [id]) => ctx.ledger.closeVirtualAccount(id!) },
  {
    method: 'POST',
    pattern: /^\/payments\/([^/]+)\/resend-webhook$/,
    run: (ctx, [id], { body }) => {
      ctx.ledger.find(id!);
      return { webhook: ctx.dispatcher.resend(id!, typeof body.webhookId === 'string' ? body.webhookId : undefined) };
    },
  },
  { method: 'GET', pattern: /^\/payments-by-cursor$/, run: (ctx, _params, { query }) => listByCursor(ctx, query) },
];

/** Answers the request when it is one of PortOne's REST paths; returns false otherwise. */
export async function handleRestRequest(ctx: RestContext, request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  const match = matchRoute(request.method ?? 'GET', url.pathname);
  if (!match) return false;
  const { timeoutMs } = ctx.faults();
  if (timeoutMs > 0) await new Promise((resolve) => setTimeout(resolve, timeoutMs));
  try {
    if (request.headers.authorization !== `PortOne ${ctx.apiSecret}`) {
      throw new PortOneApiError('UNAUTHORIZED', '인증 정보가 올바르지 않습니다.');
    }
    const text = request.method === 'POST' ? await readBody(request) : '';
    const body = parseBody(text);
    const storeId = (typeof body.storeId === 'string' ? body.storeId : undefined) ?? url.searchParams.get('storeId') ?? undefined;
    if (storeId !== undefined && storeId !== ctx.storeId) throw new PortOneApiError('FORBIDDEN', `상점(${storeId})에 접근할 수 없습니다.`);
    sendJson(response, 200, match.route.run(ctx, match.params, { body, query: url.searchParams }));
  } catch (error) {
    if (!(error instanceof PortOneApiError)) throw error;
    sendJson(response, error.status, error.toBody());
  }
  return true;
}

function matchRoute(method: string, pathname: string) {
  for (const route of ROUTES) {
    const found = route.method === method ? route.pattern.exec(pathname) : null;
    if (found) return { route, params: found.slice(1).map(decodeURIComponent) };
  }
  return undefined;
}

function parseBody(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // falls through to the refusal below
  }
  throw new PortOneApiError('INVALID_REQUEST', '요청 본문이 올바른 JSON 객체가 아닙니다.');
}

/** `GET /payments-by-cursor?requestBody={storeId,from,until,cursor,size}`: payments by creation time. */
function listByCursor(ctx: RestContext, query: URLSearchParams): Payment.GetAllPaymentsByCursorResponse {
  const input = parseBody(query.get('requestBody') ?? '') as Payment.GetAllPaymentsByCursorBody;
  if (input.storeId !== undefined && input.storeId !== ctx.storeId) throw new PortOneApiError('FORBIDDEN', `상점(${input.storeId})에 접근할 수 없습니다.`);
  const until = input.until ? new Date(input.until) : ctx.now();
  const from = input.from ? new Date(input.from) : new Date(until.getTime() - NINETY_DAYS_MS);
  const size = input.size ?? DEFAULT_PAGE_SIZE;
  if (Number.isNaN(from.getTime()) || Number.isNaN(until.getTime())) throw new PortOneApiError('INVALID_REQUEST', 'from/until must be RFC 3339 date-times');
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw new PortOneApiError('INVALID_REQUEST', `size must be 1..${MAX_PAGE_SIZE}`);
  const all = ctx.ledger.list(from, until);
  const start = input.cursor ? all.findIndex((item) => item.cursor === input.cursor) + 1 : 0;
  if (input.cursor && start === 0) throw new PortOneApiError('INVALID_REQUEST', '커서가 올바르지 않습니다.');
  return { items: all.slice(start, start + size) };
}
