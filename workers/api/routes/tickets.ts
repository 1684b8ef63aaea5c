// The caller's own tickets (another user's id answers 404, as if it did not exist).
// GET /v1/tickets      — upcoming and past
// GET /v1/tickets/:id  — one of them, with its signed QR code while it can still get its holder in
import type { FastifyInstance } from 'fastify';
import { getMyTicket } from '../../../lib/tickets/get-my-ticket';
import { listMyTickets } from '../../../lib/tickets/list-my-tickets';
import { loadTicketKeys } from '../../../lib/tickets/load-ticket-keys';
import type { WorkerContext } from '../../runtime/context';
import { requireCaller } from '../internal-auth';

export function registerTicketRoutes(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const keys = loadTicketKeys(ctx.config.TICKET_SIGNING_KEY);
  const now = () => new Date(options.now?.() ?? Date.now());

  app.get('/v1/tickets', async (request) => {
    const caller = requireCaller(request);
    return listMyTickets(ctx.db, caller.userId, now());
  });

  app.get<{ Params: { id: string } }>('/v1/tickets/:id', async (request) => {
    const caller = requireCaller(request);
    return { ticket: await getMyTicket({ db: ctx.db, keys }, { ticketId: request.params.id, userId: caller.userId }) };
  });
}
