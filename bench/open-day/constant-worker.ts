// Child process of the ticket-open simulation: a bare Fastify server that answers every /v1 path
// with the same small JSON, in the worker API's process shape (tsx, one process, loopback). A
// second `next start` of the same build forwards to it, so "Next → worker" is measured with a
// worker that does no work: the ceiling of any forwarded route on this machine, in this run.
// It lives here, not in the app: no route of the platform exists for a benchmark.
import Fastify from 'fastify';

const app = Fastify();
app.all('/v1/*', async () => ({ reservations: [] }));
await app.listen({ host: '127.0.0.1', port: Number(process.argv[2]) });
process.send?.('ready');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
