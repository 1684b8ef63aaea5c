// /v1/admin/catalog/** — the admin dashboard's catalog management (ADMIN only, audited).
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { changePerformanceStatus } from '../../../lib/catalog/admin/change-performance-status';
import { listAdminCatalog } from '../../../lib/catalog/admin/list-admin-catalog';
import { saveArtist } from '../../../lib/catalog/admin/save-artist';
import { saveEvent } from '../../../lib/catalog/admin/save-event';
import { saveHall } from '../../../lib/catalog/admin/save-hall';
import { savePerformance } from '../../../lib/catalog/admin/save-performance';
import { saveVenue } from '../../../lib/catalog/admin/save-venue';
import { drawSeatBlocks, DrawSeatBlocksInput } from '../../../lib/seat-map/draw-seat-blocks';
import { importSeatMap, ImportSeatMapInput } from '../../../lib/seat-map/import-seat-map';
import type { WorkerContext } from '../../runtime/context';
import { requireAdmin } from '../internal-auth';

const IdParams = z.object({ id: z.uuid() });
const body = (request: FastifyRequest) => (request.body ?? {}) as Record<string, unknown>;

export function registerAdminCatalogRoutes(app: FastifyInstance, ctx: WorkerContext) {
  const actorOf = (request: FastifyRequest) => ({ actorId: requireAdmin(request).userId, requestId: request.id });
  const { db, redis } = ctx;

  app.get('/v1/admin/catalog', async (request) => {
    requireAdmin(request);
    return listAdminCatalog(db);
  });

  const saveRoutes = [
    ['artists', saveArtist],
    ['venues', saveVenue],
    ['halls', saveHall],
    ['events', saveEvent],
    ['performances', savePerformance],
  ] as const;
  for (const [path, save] of saveRoutes) {
    app.post(`/v1/admin/catalog/${path}`, async (request, reply) => {
      const actor = actorOf(request);
      const { id: _ignored, ...input } = body(request);
      return reply.code(201).send(await save(db, redis, input as never, actor));
    });
    app.patch(`/v1/admin/catalog/${path}/:id`, async (request) => {
      const actor = actorOf(request);
      const { id } = IdParams.parse(request.params);
      return save(db, redis, { ...body(request), id } as never, actor);
    });
  }

  app.post('/v1/admin/catalog/performances/:id/status', async (request) => {
    const actor = actorOf(request);
    const { id } = IdParams.parse(request.params);
    return changePerformanceStatus(db, redis, id, body(request) as never, actor);
  });

  app.put('/v1/admin/catalog/halls/:id/seat-map', { bodyLimit: 20 * 1024 * 1024 }, async (request) => {
    const actor = actorOf(request);
    const { id } = IdParams.parse(request.params);
    return importSeatMap(db, redis, id, ImportSeatMapInput.parse(request.body), actor);
  });

  app.put('/v1/admin/catalog/halls/:id/seat-blocks', async (request) => {
    const actor = actorOf(request);
    const { id } = IdParams.parse(request.params);
    return drawSeatBlocks(db, redis, id, DrawSeatBlocksInput.parse(request.body), actor);
  });
}
