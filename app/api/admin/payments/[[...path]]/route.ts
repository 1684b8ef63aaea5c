// GET|POST /api/admin/payments/** — admin payments, refunds, reconciliation and performance cancel (ADMIN only), forwarded as is.
// /api/admin/payments/reconciliation/** → /v1/admin/reconciliation/**, /api/admin/payments/performances/** → /v1/admin/performances/**.
import { AppError } from '../../../../../lib/errors/app-error';
import { gateway, type GatewayContext } from '../../../../_server/gateway';

type Params = { path?: string[] };
const options = { access: 'admin', rateLimit: 'GENERAL' } as const;
const OWN_PREFIXES = new Set(['reconciliation', 'performances']);

async function forwardAdmin({ request, forward }: GatewayContext, { path = [] }: Params) {
  const [head, ...rest] = path.map(encodeURIComponent);
  const target = head && OWN_PREFIXES.has(head) ? `/v1/admin/${[head, ...rest].join('/')}` : `/v1/admin/payments${path.length ? `/${path.map(encodeURIComponent).join('/')}` : ''}`;
  if (request.method === 'GET') return forward(target, { query: request.nextUrl.searchParams });
  const text = await request.text();
  let body: unknown = {};
  try {
    if (text) body = JSON.parse(text);
  } catch {
    throw new AppError('bad_request', 'body: malformed JSON', { field: 'body' });
  }
  return forward(target, { method: request.method, body });
}

export const GET = gateway<Params>(options, forwardAdmin);
export const POST = gateway<Params>(options, forwardAdmin);
