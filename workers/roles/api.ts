// The `api` role: the HTTP server the gateway forwards to. On stop it refuses new connections
// (readiness turns 503 first so the ALB drains it) and lets requests in flight finish.
import { buildApi } from '../api/build-api';
import type { Role } from '../runtime/context';

export const apiRole: Role = async (ctx) => {
  let shuttingDown = false;
  const app = buildApi(ctx, { isShuttingDown: () => shuttingDown });
  await app.listen({ host: ctx.config.WORKER_HOST, port: ctx.config.WORKER_PORT });
  ctx.logger.info({ port: ctx.config.WORKER_PORT }, 'worker api listening');
  return {
    async stop() {
      shuttingDown = true;
      await app.close();
    },
  };
};
