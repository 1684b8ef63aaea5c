// Cancelling a paid booking.
// GET  /v1/reservations/:id/cancellation?seatIds=a,b&locale=ko — the exact fee and refund, before the fan confirms
// POST /v1/reservations/:id/cancellation                        — cancel it (all remaining seats, or `seatIds`)
// Another fan's reservation answers 404.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { cancelPaidBooking } from '../../../lib/refunds/cancel-paid-booking';
import { notifyRefundCompleted } from '../../../lib/refunds/notify-refund-completed';
import { previewCancellation } from '../../../lib/refunds/preview-cancellation';
import { RefundAccount } from '../../../lib/refunds/refund-account';
import type { WorkerContext } from '../../runtime/context';
import { paymentDeps } from '../../runtime/payment-deps';
import { requireCaller } from '../internal-auth';

const seatIdList = z
  .string()
  .optional()
  .transform((value) => (value ? value.split(',').filter(Boolean) : undefined));
const PreviewQuery = z.object({ seatIds: seatIdList, locale: z.enum(['ko', 'en']).optional() });
const CancelBody = z
  .object({ seatIds: z.array(z.uuid()).min(1).max(50).optional(), expectedRefundKrw: z.number().int().nonnegative().optional(), refundAccount: RefundAccount.optional() })
  .default({});

export function registerRefundRoutes(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const now = () => new Date(options.now?.() ?? Date.now());

  app.get<{ Params: { id: string } }>('/v1/reservations/:id/cancellation', async (request) => {
    const caller = requireCaller(request);
    const query = PreviewQuery.parse(request.query);
    return { cancellation: await previewCancellation(ctx.db, { userId: caller.userId, reservationId: request.params.id, ...query }, now()) };
  });

  app.post<{ Params: { id: string } }>('/v1/reservations/:id/cancellation', async (request, reply) => {
    const caller = requireCaller(request);
    const body = CancelBody.parse(request.body ?? {});
    const deps = paymentDeps(ctx);
    const at = now();
    const refund = await cancelPaidBooking({ db: ctx.db, redis: ctx.redis, portOne: deps.portone }, { userId: caller.userId, reservationId: request.params.id, ...body }, at);
    if (refund.status === 'SUCCEEDED') {
      // The payments role's sweep tells the fan if this fails; the refund itself is done.
      await notifyRefundCompleted({ db: ctx.db, mailer: ctx.mailer }, refund.refundId, at).catch((error: unknown) => request.log.warn({ err: error, refundId: refund.refundId }, 'refund notice deferred'));
    }
    // 202: PortOne has not answered yet; the payments role finishes it.
    return reply.code(refund.status === 'SUCCEEDED' ? 200 : 202).send({ refund });
  });
}
