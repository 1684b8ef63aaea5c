// GET /v1/admin/exports/:kind?from=YYYY-MM-DD&until=YYYY-MM-DD&locale — a CSV of sales, payments,
// refunds or check-ins for a range of Korean business days, streamed (admins only, audited: an
// export carries buyers' personal data out of the platform).
import type { FastifyInstance } from 'fastify';
import { recordAdminChange } from '../../../lib/audit/record-admin-change';
import { streamAdminExport, type AdminExportInput } from '../../../lib/exports/stream-admin-export';
import type { WorkerContext } from '../../runtime/context';
import { requireAdmin } from '../internal-auth';

export function registerAdminExportRoutes(app: FastifyInstance, ctx: WorkerContext) {
  app.get<{ Params: { kind: string } }>('/v1/admin/exports/:kind', async (request, reply) => {
    const admin = requireAdmin(request);
    const { filename, range, stream } = streamAdminExport(ctx.db, { ...(request.query as object), kind: request.params.kind } as AdminExportInput);
    await recordAdminChange(ctx.db, {
      actorId: admin.userId,
      action: 'export.download',
      entityType: 'export',
      entityId: request.params.kind,
      after: { from: range.from, until: range.until, filename },
      requestId: request.id,
    });
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(stream);
  });
}
