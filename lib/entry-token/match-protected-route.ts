// Which paths need an entry token, and for which performance: seat, reservation and ticket
// pages and APIs that carry a performance id. The Next proxy (edge tier) uses this list; the
// gateway's `entryTokenFor` and the worker API check again.
const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

const PAGES = [new RegExp(`^/performances/(${UUID})/(?:seats|reserve|checkout)(?:/|$)`), new RegExp(`^/events/[^/]+/performances/(${UUID})/(?:seats|reserve|checkout)(?:/|$)`)];
const APIS = [new RegExp(`^/api/performances/(${UUID})/(?:seats|holds|reservations|tickets)(?:/|$)`)];

export type ProtectedRoute = { kind: 'page' | 'api'; performanceId: string };

export function matchProtectedRoute(pathname: string): ProtectedRoute | null {
  for (const pattern of APIS) {
    const match = pattern.exec(pathname);
    if (match) return { kind: 'api', performanceId: match[1]!.toLowerCase() };
  }
  for (const pattern of PAGES) {
    const match = pattern.exec(pathname);
    if (match) return { kind: 'page', performanceId: match[1]!.toLowerCase() };
  }
  return null;
}
