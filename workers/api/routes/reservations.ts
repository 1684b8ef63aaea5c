// GET /v1/reservations/:id — one reservation of the caller (another user's id → 404).
import type { FastifyInstance } from 'fastify';
import { getReservation } from '../../../lib/reservations/get-reservation';
import type { WorkerContext } from '../../runtime/context';
import { requireCaller } from '../internal-auth';

export function registerReservationRoutes(app: FastifyInstance, ctx: WorkerContext) {
  app.get<{ Params: { id: string } }>('/v1/reservations/:id', async (request) => {
    const caller = requireCaller(request);
    return { reservation: await getReservation(ctx.db, { reservationId: request.params.id, userId: caller.userId }) };
  });
}
