// GET /v1/events, /v1/events/:slug, /v1/performances/:id, /v1/halls/:hallId/seat-map,
// /v1/performances/:id/availability — the public catalog and seat maps.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { getEventDetail } from '../../../lib/catalog/get-event-detail';
import { getPerformanceOverview } from '../../../lib/catalog/get-performance-overview';
import { searchEvents } from '../../../lib/catalog/search-events';
import { getStaticSeatMap } from '../../../lib/seat-map/get-static-seat-map';
import { readSeatAvailability } from '../../../lib/seat-map/read-seat-availability';
import type { WorkerContext } from '../../runtime/context';

const IdParams = z.object({ id: z.uuid() });
const HallParams = z.object({ hallId: z.uuid() });
const SlugParams = z.object({ slug: z.string() });
const SeatMapQuery = z.object({ v: z.coerce.number().int().min(1).optional() });
const AvailabilityQuery = z.object({ format: z.enum(['base64', 'binary']).default('base64') });

// Availability is polled every ~2 s; a 1 s max-age lets a CDN absorb a crowd without ever
// serving a state older than the seat map's 2-second freshness bound.
const AVAILABILITY_CACHE = 'public, max-age=1';
const IMMUTABLE = 'public, max-age=31536000, immutable';

export function registerCatalogRoutes(app: FastifyInstance, ctx: WorkerContext) {
  app.get('/v1/events', async (request) => searchEvents(ctx.db, ctx.redis, request.query));

  app.get('/v1/events/:slug', async (request) => {
    const { slug } = SlugParams.parse(request.params);
    return { event: await getEventDetail(ctx.db, ctx.redis, slug) };
  });

  app.get('/v1/performances/:id', async (request) => {
    const { id } = IdParams.parse(request.params);
    return { performance: await getPerformanceOverview(ctx.db, ctx.redis, id) };
  });

  app.get('/v1/halls/:hallId/seat-map', async (request, reply) => {
    const { hallId } = HallParams.parse(request.params);
    const { v } = SeatMapQuery.parse(request.query);
    const map = await getStaticSeatMap(ctx.db, ctx.redis, hallId);
    // Immutable only when the caller named the current version: the URL then names the content.
    reply.header('cache-control', v === map.version ? IMMUTABLE : 'public, max-age=60');
    return map;
  });

  app.get('/v1/performances/:id/availability', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { format } = AvailabilityQuery.parse(request.query);
    const availability = await readSeatAvailability(ctx.db, ctx.redis, id);
    reply.header('cache-control', AVAILABILITY_CACHE).header('etag', availability.etag);
    if (request.headers['if-none-match'] === availability.etag) return reply.code(304).send();
    if (format === 'binary') return reply.type('application/octet-stream').send(availability.bytes);
    return { performanceId: id, encoding: 'u2', state: availability.bytes.toString('base64'), etag: availability.etag };
  });
}
