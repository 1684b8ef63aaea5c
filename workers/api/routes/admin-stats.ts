// GET /v1/admin/stats — the dashboard's figures for a date range and optionally one event (admins only).
// POST /v1/admin/stats/rebuild — recompute every stats table from the stats event log (admins only, audited).
import type { FastifyInstance } from 'fastify';
import { DashboardStatsInput, getDashboardStats } from '../../../lib/stats/get-dashboard-stats';
import { rebuildStats } from '../../../lib/stats/rebuild-stats';
import type { WorkerContext } from '../../runtime/context';
import { requireAdmin } from '../internal-auth';

export function registerAdminStatsRoutes(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const now = options.now ?? Date.now;

  app.get('/v1/admin/stats', async (request) => {
    requireAdmin(request);
    return getDashboardStats(ctx, DashboardStatsInput.parse(request.query), now());
  });

  app.post('/v1/admin/stats/rebuild', async (request) => {
    const admin = requireAdmin(request);
    return rebuildStats(ctx.db, { actorId: admin.userId, requestId: request.id });
  });
}
