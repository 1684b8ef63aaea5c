// GET /api/events/:slug — one event with its performances, prices and sale-window states.
import { gateway } from '../../../_server/gateway';

export const GET = gateway<{ slug: string }>({ access: 'public', rateLimit: 'GENERAL' }, async ({ forward }, { slug }) =>
  forward(`/v1/events/${encodeURIComponent(slug)}`),
);
