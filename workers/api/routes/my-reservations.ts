// GET  /v1/me/reservations                        — my reservations, newest first
// POST /v1/me/reservations/:reservationId/cancel  — cancel my PENDING reservation (another user's → 404)
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { cancelReservation } from '../../../lib/reservations/cancel-reservation';
import { listMyReservations } from '../../../lib/reservations/list-my-reservations';
import type { WorkerContext } from '../../runtime/context';
import { requireCaller } from '../internal-auth';

export function registerMyReservationRoutes(app: FastifyInstance, ctx: WorkerContext) {
  app.get('/v1/me/reservations', async (request) => {
    const caller = requireCaller(request);
    return { reservations: await listMyReservations(ctx.db, caller.userId) };
  });

  app.post('/v1/me/reservations/:reservationId/cancel', async (request, reply) => {
    const caller = requireCaller(request);
    const { reservationId } = z.object({ reservationId: z.uuid() }).parse(request.params);
    await cancelReservation(ctx, caller.userId, reservationId);
    return reply.code(204).send();
  });
}
