// The admin lists and the user changes (admins only; every change audited).
// GET  /v1/admin/users?q&role&state&page&pageSize            — users, by email or name
// PUT  /v1/admin/users/:id/role        { role }               — USER / STAFF / ADMIN
// PUT  /v1/admin/users/:id/suspension  { suspended, reason? } — suspend, or lift it
// GET  /v1/admin/reservations?q&status&eventId&from&until&page&pageSize
// GET  /v1/admin/tickets?q&status&eventId&page&pageSize
// GET  /v1/admin/audit-log?actorId&actor&entityType&entityId&action&from&until&before&pageSize
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ROLES } from '../../../lib/auth/roles';
import { changeUserRole } from '../../../lib/admin/change-user-role';
import { listAdminReservations } from '../../../lib/admin/list-admin-reservations';
import { listAdminTickets } from '../../../lib/admin/list-admin-tickets';
import { listAdminUsers } from '../../../lib/admin/list-admin-users';
import { listAuditLog } from '../../../lib/admin/list-audit-log';
import { setUserSuspension } from '../../../lib/admin/set-user-suspension';
import type { WorkerContext } from '../../runtime/context';
import { requireAdmin } from '../internal-auth';

const RoleBody = z.object({ role: z.enum(ROLES) });
const SuspensionBody = z.object({ suspended: z.boolean(), reason: z.string().trim().max(500).optional() });

export function registerAdminListRoutes(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const now = () => new Date(options.now?.() ?? Date.now());
  const deps = { db: ctx.db, redis: ctx.redis };

  app.get('/v1/admin/users', async (request) => {
    requireAdmin(request);
    return listAdminUsers(ctx.db, request.query as Record<string, string>);
  });

  app.put<{ Params: { id: string } }>('/v1/admin/users/:id/role', async (request) => {
    const admin = requireAdmin(request);
    const { role } = RoleBody.parse(request.body ?? {});
    return { user: await changeUserRole(deps, { userId: request.params.id, role, actorId: admin.userId, requestId: request.id }) };
  });

  app.put<{ Params: { id: string } }>('/v1/admin/users/:id/suspension', async (request) => {
    const admin = requireAdmin(request);
    const body = SuspensionBody.parse(request.body ?? {});
    return { user: await setUserSuspension({ ...deps, now: now() }, { userId: request.params.id, ...body, actorId: admin.userId, requestId: request.id }) };
  });

  app.get('/v1/admin/reservations', async (request) => {
    requireAdmin(request);
    return listAdminReservations(ctx.db, request.query as Record<string, string>);
  });

  app.get('/v1/admin/tickets', async (request) => {
    requireAdmin(request);
    return listAdminTickets(ctx.db, request.query as Record<string, string>);
  });

  app.get('/v1/admin/audit-log', async (request) => {
    requireAdmin(request);
    return listAuditLog(ctx.db, request.query as Record<string, string>);
  });
}
