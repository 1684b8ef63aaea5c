// GET /api/catalog/performances/:id/availability — the compact 2-bit seat states (≤ 1 s old).
import { gateway } from '../../../../../_server/gateway';

export const GET = gateway<{ id: string }>({ access: 'public', rateLimit: 'GENERAL' }, async ({ request, forward }, { id }) => {
  const ifNoneMatch = request.headers.get('if-none-match');
  return forward(`/v1/performances/${encodeURIComponent(id)}/availability`, {
    query: request.nextUrl.searchParams,
    headers: ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {},
  });
});
