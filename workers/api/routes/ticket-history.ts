// GET /v1/admin/tickets/:id/history — one ticket's whole life for the admin (ADMIN only).
import type { FastifyInstance } from 'fastify';
import { getTicketHistory } from '../../../lib/tickets/get-ticket-history';
import type { WorkerContext } from '../../runtime/context';
import { requireAdmin } from '../internal-auth';

export function registerTicketHistoryRoutes(app: FastifyInstance, ctx: WorkerContext) {
  app.get<{ Params: { id: string } }>('/v1/admin/tickets/:id/history', async (request) => {
    requireAdmin(request);
    return { history: await getTicketHistory(ctx.db, request.params.id) };
  });
}
