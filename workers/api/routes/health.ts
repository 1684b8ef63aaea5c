// GET /health/live, GET /health/ready, GET /metrics — probes for the ALB and ECS, and Prometheus.
import type { FastifyInstance } from 'fastify';
import { checkReadiness } from '../../../lib/health/check-readiness';
import type { WorkerContext } from '../../runtime/context';
import { livenessReport } from '../../runtime/liveness-report';

export function registerHealthRoutes(app: FastifyInstance, ctx: WorkerContext, isShuttingDown: () => boolean) {
  // Live while every loop of this process still turns (`all` runs the loops beside the api).
  app.get('/health/live', async (_request, reply) => {
    const report = livenessReport(Date.now());
    return reply.code(report.status).send(report.body);
  });

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
