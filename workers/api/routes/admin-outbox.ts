// GET /v1/admin/outbox — backlog, oldest unpublished age, published/min, consumer lag per group, dead letters.
// POST /v1/admin/outbox/dead-letters/:id/replay — re-publish a dead letter (admins only).
import type { FastifyInstance } from 'fastify';
import { getOutboxStatus } from '../../../lib/events/get-outbox-status';
import { ListDeadLettersInput, listDeadLetters } from '../../../lib/events/list-dead-letters';
import { replayDeadLetter } from '../../../lib/events/replay-dead-letter';
import { declaredConsumerGroups } from '../../runtime/consumer-groups';
import type { WorkerContext } from '../../runtime/context';
import { eventBusOf } from '../../runtime/event-bus';
import { outboxMetrics } from '../../runtime/outbox-metrics';
import { requireAdmin } from '../internal-auth';

const LAG_TIMEOUT_MS = 3_000;

export function registerAdminOutboxRoutes(app: FastifyInstance, ctx: WorkerContext) {
  // The API process reports the outbox series on /metrics too (backlog, lag, dead letters).
  outboxMetrics(ctx);
  eventBusOf(ctx);

  app.get('/v1/admin/outbox', async (request) => {
    requireAdmin(request);
    const input = ListDeadLettersInput.parse(request.query);
    const transport = eventBusOf(ctx);
    // Brokers down must not take the page down: the lag column says so instead.
    const lag = Promise.race([
      transport.consumerLag(declaredConsumerGroups()).then((rows) => ({ rows, error: null as string | null })),
      new Promise<{ rows: []; error: string }>((resolve) => setTimeout(() => resolve({ rows: [], error: 'brokers did not answer in 3 s' }), LAG_TIMEOUT_MS).unref()),
    ]).catch((error: Error) => ({ rows: [], error: error.message }));
    const [status, deadLetters, consumerLag] = await Promise.all([getOutboxStatus(ctx.db), listDeadLetters(ctx.db, input), lag]);
    return {
      transport: transport.kind,
      ...status,
      consumerLag: consumerLag.rows,
      consumerLagError: consumerLag.error,
      deadLetterList: deadLetters,
    };
  });

  app.post<{ Params: { id: string } }>('/v1/admin/outbox/dead-letters/:id/replay', async (request) => {
    const admin = requireAdmin(request);
    const result = await replayDeadLetter(ctx.db, { deadLetterId: request.params.id, actorId: admin.userId, requestId: request.id });
    request.log.info({ admin: admin.userId, deadLetterId: request.params.id, eventId: result.eventId }, 'dead letter replayed');
    return result;
  });
}
