// Container health check of the workers image: the api role must answer /health/live; the
// loop roles have no HTTP server, and a loop role whose process is running is as healthy as
// this check can tell (an exited process restarts the container or the ECS task by itself).
import { loadWorkerConfig } from '../../workers/config';

const config = loadWorkerConfig();
if (config.WORKER_ROLE.includes('api')) {
  const response = await fetch(`http://127.0.0.1:${config.WORKER_PORT}/health/live`, { signal: AbortSignal.timeout(4_000) }).catch(() => null);
  process.exit(response?.ok ? 0 : 1);
}
