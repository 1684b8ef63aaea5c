// Checkout, the browser's return from PortOne, and PortOne's webhooks.
// POST /v1/reservations/:id/checkout  — open (or reopen) the checkout of my PENDING reservation
// POST /v1/payments/:paymentId/complete — the browser is back: settle from PortOne's record
// GET  /v1/payments/:paymentId        — one of my payments
// POST /webhooks/portone              — a PortOne delivery, raw body and headers as PortOne sent them;
//                                       outside /v1: its Standard Webhooks signature is its authentication
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { completePayment } from '../../../lib/payments/complete-payment';
import { createCheckout } from '../../../lib/payments/create-checkout';
import { getMyPayment } from '../../../lib/payments/get-my-payment';
import { receivePortOneWebhook } from '../../../lib/payments/receive-portone-webhook';
import { settleWebhookDelivery } from '../../../lib/payments/settle-webhook-delivery';
import type { WorkerContext } from '../../runtime/context';
import { paymentDeps } from '../../runtime/payment-deps';
import { requireCaller } from '../internal-auth';

// Built once (zod compiles an object schema on first parse). Amounts are not accepted from the
// browser at all: a body claiming one is ignored.
const CompleteBody = z.object({ paymentToken: z.string().min(1).max(500).optional(), txId: z.string().min(1).max(200).optional() }).default({});

export function registerPaymentRoutes(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const now = () => new Date(options.now?.() ?? Date.now());

  app.post<{ Params: { id: string } }>('/v1/reservations/:id/checkout', async (request) => {
    const caller = requireCaller(request);
    return { checkout: await createCheckout(paymentDeps(ctx), { reservationId: request.params.id, userId: caller.userId }, now()) };
  });

  app.post<{ Params: { paymentId: string } }>('/v1/payments/:paymentId/complete', async (request) => {
    const caller = requireCaller(request);
    const body = CompleteBody.parse(request.body ?? {});
    const deps = paymentDeps(ctx);
    const result = await completePayment(deps, { userId: caller.userId, paymentId: request.params.paymentId, ...body }, now());
    return { result, payment: await getMyPayment(ctx.db, { paymentId: request.params.paymentId, userId: caller.userId }) };
  });

  app.get<{ Params: { paymentId: string } }>('/v1/payments/:paymentId', async (request) => {
    const caller = requireCaller(request);
    return { payment: await getMyPayment(ctx.db, { paymentId: request.params.paymentId, userId: caller.userId }) };
  });
}

export function registerPortOneWebhookRoute(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const now = () => new Date(options.now?.() ?? Date.now());
  // Its own scope: the body stays the exact text PortOne signed (a JSON parse and re-serialise
  // would change it and break the signature).
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 256 * 1024 }, (_request, body, done) => done(null, body));
    raw.post('/webhooks/portone', async (request, reply) => {
      const deps = paymentDeps(ctx);
      const received = await receivePortOneWebhook(
        { db: ctx.db, webhookSecrets: deps.config.webhookSecrets },
        { rawBody: typeof request.body === 'string' ? request.body : '', headers: request.headers },
        now(),
      );
      // Durable now: answer at once and settle after. A settle that fails here is retried by the
      // payments role from the stored delivery.
      if (received.fresh) {
        setImmediate(() => {
          settleWebhookDelivery(deps, received.webhookId).catch((error: unknown) =>
            request.log.warn({ err: error, webhookId: received.webhookId }, 'webhook settle failed; the payments role retries it'),
          );
        });
      }
      return reply.code(200).send({ received: true, duplicate: !received.fresh });
    });
  });
}
