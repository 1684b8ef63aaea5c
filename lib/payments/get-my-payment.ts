// One of the caller's payments by its payment id. Scoped by the caller in the query itself:
// another user's payment answers 404 exactly like an id that does not exist.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import { toPaymentView, type PaymentView } from './payment-view';

export const GetMyPaymentInput = z.object({ paymentId: z.string().max(200), userId: z.uuid() });
export type GetMyPaymentInput = z.infer<typeof GetMyPaymentInput>;

export async function getMyPayment(db: Db, input: GetMyPaymentInput): Promise<PaymentView> {
  const { paymentId, userId } = GetMyPaymentInput.parse(input);
  const payment = await db.payment.findFirst({ where: { portonePaymentId: paymentId, userId } });
  if (!payment) throw notFound('Payment');
  return toPaymentView(payment);
}
