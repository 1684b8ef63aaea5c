// Container health check of the workers image: every role answers /health/live on WORKER_PORT
// (the api on its server, a process of loop roles on a small probe server), 503 when a loop of
// the process has stopped turning.
import { loadWorkerConfig } from '../../workers/config';

const config = loadWorkerConfig();
const response = await fetch(`http://127.0.0.1:${config.WORKER_PORT}/health/live`, { signal: AbortSignal.timeout(4_000) }).catch(() => null);
process.exit(response?.ok ? 0 : 1);
