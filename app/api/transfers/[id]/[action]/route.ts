// POST /api/transfers/:id/accept|decline|withdraw — answer an offer made to me, or take back mine.
import { notFound } from '../../../../../lib/errors/app-error';
import { gateway } from '../../../../_server/gateway';

const ACTIONS = new Set(['accept', 'decline', 'withdraw']);

export const POST = gateway<{ id: string; action: string }>({ access: 'user', rateLimit: 'BOOKING' }, async ({ forward }, { id, action }) => {
  if (!ACTIONS.has(action)) throw notFound('Route');
  return forward(`/v1/transfers/${encodeURIComponent(id)}/${action}`, { method: 'POST' });
});
