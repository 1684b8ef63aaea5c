// GET /api/admin/exports/[kind]?from&until — a CSV download of sales, payments, refunds or check-ins, streamed (admins only, audited)
import { gateway } from '../../../../_server/gateway';
import { requestLocale } from '../../../../_server/localize-error-response';

export const GET = gateway<{ kind: string }>({ access: 'admin', rateLimit: 'GENERAL' }, async ({ request, forward }, { kind }) => {
  // The header row speaks the admin's language.
  const query = new URLSearchParams(request.nextUrl.searchParams);
  query.set('locale', requestLocale(request));
  return forward(`/v1/admin/exports/${encodeURIComponent(kind)}`, { query, stream: true });
});
