// GET /health/live, GET /health/ready, GET /metrics — probes for the ALB and ECS, and Prometheus.
import type { FastifyInstance } from 'fastify';
import { checkReadiness } from '../../../lib/health/check-readiness';
import type { WorkerContext } from '../../runtime/context';

export function registerHealthRoutes(app: FastifyInstance, ctx: WorkerContext, isShuttingDown: () => boolean) {
  app.get('/health/live', async () => ({ status: 'live' }));

  app.get('/health/ready', async (_request, reply) => {
    if (isShuttingDown()) return reply.code(503).send({ status: 'shutting_down' });
    const readiness = await checkReadiness(ctx);
    return reply
      .code(readiness.ready ? 200 : 503)
      .send({ status: readiness.ready ? 'ready' : 'not_ready', failed: readiness.failed, checks: readiness.checks });
  });

  app.get('/metrics', async (_request, reply) => {
    reply.header('content-type', ctx.metrics.contentType);
    return ctx.metrics.metrics();
  });
}
