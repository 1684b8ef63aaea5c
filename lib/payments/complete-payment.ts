// The browser is back from PortOne's window (`?paymentId&code&message`, plus `paymentToken&txId`
// on a manual-confirm channel). Whatever the browser says, the payment is settled from PortOne's
// own record; the browser's code only words the message. Another user's payment id → 404.
import { z } from 'zod';
import { notFound } from '../errors/app-error';
import type { PaymentDeps } from './payment-deps';
import { settlePayment, type SettleResult } from './settle-payment';

export const CompletePaymentInput = z.object({
  userId: z.uuid(),
  paymentId: z.string().min(1).max(200),
  paymentToken: z.string().min(1).max(500).optional(),
  txId: z.string().min(1).max(200).optional(),
});
export type CompletePaymentInput = z.infer<typeof CompletePaymentInput>;

export async function completePayment(deps: PaymentDeps, input: CompletePaymentInput, now = new Date()): Promise<SettleResult> {
  const { userId, paymentId, paymentToken, txId } = CompletePaymentInput.parse(input);
  const owned = await deps.db.payment.findFirst({ where: { portonePaymentId: paymentId, userId }, select: { id: true } });
  if (!owned) throw notFound('Payment');
  return settlePayment(deps, { paymentId, paymentToken, txId }, now);
}
