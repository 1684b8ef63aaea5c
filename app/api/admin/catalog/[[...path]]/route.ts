// GET|POST|PATCH|PUT /api/admin/catalog/** — the admin catalog API (ADMIN only), forwarded as is.
import { gateway, type GatewayContext } from '../../../../_server/gateway';

type Params = { path?: string[] };
const options = { access: 'admin', rateLimit: 'GENERAL' } as const;

async function forwardAdmin({ request, forward }: GatewayContext, { path = [] }: Params) {
  const suffix = path.map(encodeURIComponent).join('/');
  const body = request.method === 'GET' ? undefined : await request.json().catch(() => ({}));
  return forward(`/v1/admin/catalog${suffix ? `/${suffix}` : ''}`, { method: request.method, body });
}

export const GET = gateway<Params>(options, forwardAdmin);
export const POST = gateway<Params>(options, forwardAdmin);
export const PATCH = gateway<Params>(options, forwardAdmin);
export const PUT = gateway<Params>(options, forwardAdmin);
