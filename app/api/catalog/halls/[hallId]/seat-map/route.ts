// GET /api/catalog/halls/:hallId/seat-map?v=N — the static seat map, immutable per version.
import { gateway } from '../../../../../_server/gateway';

export const GET = gateway<{ hallId: string }>({ access: 'public', rateLimit: 'GENERAL' }, async ({ request, forward }, { hallId }) =>
  forward(`/v1/halls/${encodeURIComponent(hallId)}/seat-map`, { query: request.nextUrl.searchParams }),
);
