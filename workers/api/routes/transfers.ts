// Ticket transfers (양도) between registered users; a gift, so no amount is ever taken.
// POST /v1/tickets/:id/transfers      — the holder offers the ticket to { toEmail }
// GET  /v1/tickets/:id/transfers      — the holder's view: the ticket, the open offer, past offers
// GET  /v1/transfers                  — offers made to me that I can still answer
// POST /v1/transfers/:id/accept       — the recipient takes the ticket (new code, old one revoked)
// POST /v1/transfers/:id/decline      — the recipient refuses it
// POST /v1/transfers/:id/withdraw     — the sender takes the offer back before it is accepted
// Another user's ticket or offer answers 404.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { acceptTicketTransfer } from '../../../lib/transfers/accept-ticket-transfer';
import { endTicketTransfer } from '../../../lib/transfers/end-ticket-transfer';
import { getTicketTransferState } from '../../../lib/transfers/get-ticket-transfer-state';
import { listIncomingTransfers } from '../../../lib/transfers/list-incoming-transfers';
import { offerTicketTransfer } from '../../../lib/transfers/offer-ticket-transfer';
import { transferLimits } from '../../config';
import type { WorkerContext } from '../../runtime/context';
import { requireCaller } from '../internal-auth';

const OfferBody = z.object({ toEmail: z.string() });
type IdRoute = { Params: { id: string } };

export function registerTransferRoutes(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const now = () => new Date(options.now?.() ?? Date.now());
  const limits = transferLimits(ctx.config);
  const deps = () => ({ db: ctx.db, now: now() });

  app.post<IdRoute>('/v1/tickets/:id/transfers', async (request, reply) => {
    const caller = requireCaller(request);
    const { toEmail } = OfferBody.parse(request.body ?? {});
    return reply.code(201).send({ transfer: await offerTicketTransfer(deps(), limits, caller.userId, { ticketId: request.params.id, toEmail }) });
  });

  app.get<IdRoute>('/v1/tickets/:id/transfers', async (request) => {
    const caller = requireCaller(request);
    return { ticket: await getTicketTransferState(ctx.db, { ticketId: request.params.id, userId: caller.userId }) };
  });

  app.get('/v1/transfers', async (request) => {
    const caller = requireCaller(request);
    return { transfers: await listIncomingTransfers(ctx.db, caller.userId, now()) };
  });

  app.post<IdRoute>('/v1/transfers/:id/accept', async (request) => {
    const caller = requireCaller(request);
    return { transfer: await acceptTicketTransfer(deps(), limits, caller.userId, request.params.id) };
  });

  for (const ending of ['decline', 'withdraw'] as const) {
    app.post<IdRoute>(`/v1/transfers/:id/${ending}`, async (request) => {
      const caller = requireCaller(request);
      return { transfer: await endTicketTransfer(deps(), caller.userId, request.params.id, ending) };
    });
  }
}
