// Admin: who works each event's door (ADMIN only; every change audited).
// GET    /v1/admin/events/:eventId/staff           — the event's staff
// POST   /v1/admin/events/:eventId/staff           — { email } assign a registered user
// DELETE /v1/admin/events/:eventId/staff/:userId   — take them off
import type { FastifyInstance } from 'fastify';
import { assignEventStaff } from '../../../lib/check-in/assign-event-staff';
import { listEventStaff } from '../../../lib/check-in/list-event-staff';
import { unassignEventStaff } from '../../../lib/check-in/unassign-event-staff';
import type { WorkerContext } from '../../runtime/context';
import { requireAdmin } from '../internal-auth';

export function registerAdminCheckInRoutes(app: FastifyInstance, ctx: WorkerContext) {
  app.get<{ Params: { eventId: string } }>('/v1/admin/events/:eventId/staff', async (request) => {
    requireAdmin(request);
    return { staff: await listEventStaff(ctx.db, request.params.eventId) };
  });

  app.post<{ Params: { eventId: string } }>('/v1/admin/events/:eventId/staff', async (request, reply) => {
    const admin = requireAdmin(request);
    const body = (request.body ?? {}) as { email?: unknown };
    const assigned = await assignEventStaff(ctx.db, { eventId: request.params.eventId, email: body.email as string, actorId: admin.userId, requestId: request.id });
    return reply.code(201).send({ assigned });
  });

  app.delete<{ Params: { eventId: string; userId: string } }>('/v1/admin/events/:eventId/staff/:userId', async (request, reply) => {
    const admin = requireAdmin(request);
    await unassignEventStaff(ctx.db, { eventId: request.params.eventId, userId: request.params.userId, actorId: admin.userId, requestId: request.id });
    return reply.code(204).send();
  });
}
