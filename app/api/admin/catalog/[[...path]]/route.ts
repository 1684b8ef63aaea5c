// GET|POST|PATCH|PUT /api/admin/catalog/** — the admin catalog API (ADMIN only), forwarded as is.
import { gateway, type GatewayContext } from '../../../../_server/gateway';

type Params = { path?: string[] };
// The seat-map import carries up to 20 MiB, as the worker API's route allows.
const options = { access: 'admin', rateLimit: 'GENERAL', jsonBody: true, maxBodyBytes: 20 * 1024 * 1024 } as const;

async function forwardAdmin({ request, body, forward }: GatewayContext, { path = [] }: Params) {
  const suffix = path.map(encodeURIComponent).join('/');
  return forward(`/v1/admin/catalog${suffix ? `/${suffix}` : ''}`, { method: request.method, body });
}

export const GET = gateway<Params>(options, forwardAdmin);
export const POST = gateway<Params>(options, forwardAdmin);
export const PATCH = gateway<Params>(options, forwardAdmin);
export const PUT = gateway<Params>(options, forwardAdmin);
