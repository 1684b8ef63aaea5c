// An admin refunds a reservation's payment with a reason, outside the fan's fee schedule: by
// default everything still paid, which gives back every remaining seat; or a smaller amount of
// money only (a goodwill refund), which leaves the seats with the fan. Audited with the request.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import type { PortOne } from '../payments/portone-client';
import type { Redis } from '../redis/create-redis';
import { processRefund, type RefundOutcome } from './process-refund';
import { RefundAccount } from './refund-account';
import { requestRefund } from './request-refund';

export const RefundPaymentAsAdminInput = z.object({
  paymentId: z.string(),
  actorId: z.uuid(),
  reason: z.string().trim().min(3).max(500),
  /** Omitted: everything still paid, seats included. */
  amountKrw: z.number().int().positive().optional(),
  refundAccount: RefundAccount.optional(),
  requestId: z.string().max(128).nullish(),
});
export type RefundPaymentAsAdminInput = z.input<typeof RefundPaymentAsAdminInput>;

export async function refundPaymentAsAdmin(deps: { db: Db; redis: Redis; portOne: PortOne }, input: RefundPaymentAsAdminInput, now: Date): Promise<RefundOutcome> {
  const { paymentId, actorId, reason, amountKrw, refundAccount, requestId } = RefundPaymentAsAdminInput.parse(input);
  if (!z.uuid().safeParse(paymentId).success) throw notFound('Payment');
  const payment = await deps.db.payment.findUnique({ where: { id: paymentId }, select: { reservationId: true } });
  if (!payment?.reservationId) throw notFound('Payment');
  const requested = await requestRefund(deps.db, {
    reservationId: payment.reservationId,
    initiator: 'ADMIN',
    reason,
    requestedById: actorId,
    refundAccount,
    now,
    audit: { actorId, requestId },
    plan: (booking) => {
      const remaining = booking.payment.amountKrw - booking.payment.cancelledKrw;
      const whole = amountKrw === undefined || amountKrw === remaining;
      const live = booking.items.filter((item) => item.live);
      return whole
        ? { itemIds: live.map((item) => item.id), amountKrw: remaining, feeKrw: 0, bookingFeeRefundKrw: live.length * booking.bookingFeePerTicketKrw }
        : { itemIds: [], amountKrw: amountKrw!, feeKrw: 0, bookingFeeRefundKrw: 0 };
    },
  });
  return processRefund(deps, requested.refundId, now);
}
