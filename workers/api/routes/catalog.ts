// GET /v1/events — upcoming published events for the home page.
import type { FastifyInstance } from 'fastify';
import { ListUpcomingEventsInput, listUpcomingEvents } from '../../../lib/catalog/list-upcoming-events';
import type { WorkerContext } from '../../runtime/context';

export function registerCatalogRoutes(app: FastifyInstance, ctx: WorkerContext) {
  app.get('/v1/events', async (request) => {
    const input = ListUpcomingEventsInput.parse(request.query);
    return { events: await listUpcomingEvents(ctx.db, input) };
  });
}
