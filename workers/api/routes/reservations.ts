// The caller's own reservations (another user's id answers 404, as if it did not exist).
// GET  /v1/reservations             — newest first, with seats, amount, state and deadline
// GET  /v1/reservations/:id         — one of them
// POST /v1/reservations/:id/cancel  — cancel a PENDING one; its seats are back on the map at once
import type { FastifyInstance } from 'fastify';
import { cancelReservation } from '../../../lib/reservations/cancel-reservation';
import { getReservation } from '../../../lib/reservations/get-reservation';
import { listMyReservations } from '../../../lib/reservations/list-my-reservations';
import type { WorkerContext } from '../../runtime/context';
import { requireCaller } from '../internal-auth';

export function registerReservationRoutes(app: FastifyInstance, ctx: WorkerContext) {
  app.get('/v1/reservations', async (request) => {
    const caller = requireCaller(request);
    return { reservations: await listMyReservations(ctx.db, caller.userId) };
  });

  app.get<{ Params: { id: string } }>('/v1/reservations/:id', async (request) => {
    const caller = requireCaller(request);
    return { reservation: await getReservation(ctx.db, { reservationId: request.params.id, userId: caller.userId }) };
  });

  app.post<{ Params: { id: string } }>('/v1/reservations/:id/cancel', async (request, reply) => {
    const caller = requireCaller(request);
    await cancelReservation(ctx, caller.userId, request.params.id);
    return reply.code(204).send();
  });
}
