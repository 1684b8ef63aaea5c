// Child process of the holds benchmark: a bare Fastify route that parses the JSON body and answers
// a constant, in the same process shape as the worker API (tsx, one process, loopback). What the
// load generator reaches against it on this machine is the ceiling for any route.
import Fastify from 'fastify';

const app = Fastify();
app.post('/v1/constant', async (_request, reply) => reply.code(201).send({ hold: { seats: [], expiresAt: '1970-01-01T00:00:00.000Z', totalKrw: 0 } }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.BENCH_BARE_PORT) });
process.send?.('ready');
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
