// The worker fleet's HTTP API (Fastify). The gateway forwards here with the internal bearer
// token and the request id; errors leave through the one status table.
import { FastifyOtelInstrumentation } from '@fastify/otel';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';
import { toErrorResponse } from '../../lib/errors/http-status';
import { resolveRequestId } from '../../lib/http/resolve-request-id';
import type { WorkerContext } from '../runtime/context';
import { createInternalAuth } from './internal-auth';
import { toClientError } from './to-client-error';
import { registerAdminCatalogRoutes } from './routes/admin-catalog';
import { registerAdminExportRoutes } from './routes/admin-exports';
import { registerAdminListRoutes } from './routes/admin-lists';
import { registerAdminCheckInRoutes } from './routes/admin-check-in';
import { registerAdminOutboxRoutes } from './routes/admin-outbox';
import { registerAdminPaymentRoutes } from './routes/admin-payments';
import { registerAdminStatsRoutes } from './routes/admin-stats';
import { registerCatalogRoutes } from './routes/catalog';
import { registerCheckInRoutes } from './routes/check-in';
import { registerHealthRoutes } from './routes/health';
import { registerPaymentRoutes, registerPortOneWebhookRoute } from './routes/payments';
import { registerNotificationRoutes } from './routes/notifications';
import { registerQueueRoutes } from './routes/queue';
import { registerRefundRoutes } from './routes/refunds';
import { registerReservationRoutes } from './routes/reservations';
import { registerSeatHoldRoutes } from './routes/seat-holds';
import { registerTicketRoutes } from './routes/tickets';
import { registerTicketHistoryRoutes } from './routes/ticket-history';
import { registerTransferRoutes } from './routes/transfers';

// One span per request (child of the gateway's traceparent) and one for its handler; hooks get
// none (eight hook spans per request cost more than the request's own Redis work), nor do the
// health and metrics probes. Spans go to the process's tracer provider (workers/main.ts), if any.
const otel = new FastifyOtelInstrumentation({ instrumentHooks: false, ignorePaths: ({ url }) => url.startsWith('/health') || url === '/metrics' });

export function buildApi(ctx: WorkerContext, options: { isShuttingDown?: () => boolean; now?: () => number } = {}): FastifyInstance {
  const app = Fastify({
    loggerInstance: ctx.logger as FastifyBaseLogger,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return resolveRequestId(typeof given === 'string' ? given : null);
    },
    // One line per /v1 request from our onResponse hook instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });

  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Worker API request duration',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [ctx.metrics],
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    duration.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    if (reply.statusCode >= 500 || request.url.startsWith('/v1')) {
      request.log.info({ method: request.method, url: request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
    }
  });

  // Only JSON bodies: the gateway sends nothing else, and a text/plain body would otherwise reach
  // a route as a string and be judged field by field instead of refused as the wrong media type.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error, request, reply) => {
    const { status, body } = toErrorResponse(toClientError(error), request.id);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply.code(status).send(body);
  });
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ error: { code: 'not_found', message: `No route ${request.method} ${request.url}`, requestId: request.id } }),
  );

  app.register(otel.plugin());
  registerHealthRoutes(app, ctx, options.isShuttingDown ?? (() => false));

  registerPortOneWebhookRoute(app, ctx, { now: options.now });

  const internalAuth = createInternalAuth(ctx.config.INTERNAL_API_TOKEN);
  app.register(async (v1) => {
    v1.addHook('onRequest', internalAuth);
    registerCatalogRoutes(v1, ctx);
    registerAdminCatalogRoutes(v1, ctx);
    registerReservationRoutes(v1, ctx);
    registerQueueRoutes(v1, ctx, { now: options.now });
    registerAdminOutboxRoutes(v1, ctx);
    registerSeatHoldRoutes(v1, ctx);
    registerPaymentRoutes(v1, ctx, { now: options.now });
    registerNotificationRoutes(v1, ctx, { now: options.now });
    registerRefundRoutes(v1, ctx, { now: options.now });
    registerAdminPaymentRoutes(v1, ctx, { now: options.now });
    registerTicketRoutes(v1, ctx, { now: options.now });
    registerCheckInRoutes(v1, ctx, { now: options.now });
    registerAdminCheckInRoutes(v1, ctx);
    registerTransferRoutes(v1, ctx, { now: options.now });
    registerTicketHistoryRoutes(v1, ctx);
    registerAdminStatsRoutes(v1, ctx, { now: options.now });
    registerAdminListRoutes(v1, ctx, { now: options.now });
    registerAdminExportRoutes(v1, ctx);
  });
  return app;
}
