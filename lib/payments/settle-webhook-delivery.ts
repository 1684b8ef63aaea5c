// After the 200: a stored webhook delivery is settled. Its body only names the payment; the
// settle step fetches it from PortOne. Transaction.* deliveries of our payments settle; anything
// else (unknown types, another merchant's payment id) is marked processed with no effect.
import type { PaymentDeps } from './payment-deps';
import { settlePayment, type SettleResult } from './settle-payment';

export async function settleWebhookDelivery(deps: PaymentDeps, webhookId: string, now = new Date()): Promise<SettleResult | null> {
  const delivery = await deps.db.paymentWebhook.findUnique({ where: { webhookId }, select: { type: true, portonePaymentId: true, processedAt: true } });
  if (!delivery || delivery.processedAt) return null;
  const ours = delivery.type.startsWith('Transaction.') && delivery.portonePaymentId
    ? await deps.db.payment.findUnique({ where: { portonePaymentId: delivery.portonePaymentId }, select: { id: true } })
    : null;
  try {
    const result = ours ? await settlePayment(deps, { paymentId: delivery.portonePaymentId! }, now) : null;
    await deps.db.paymentWebhook.update({ where: { webhookId }, data: { processedAt: now, attempts: { increment: 1 }, lastError: null } });
    return result;
  } catch (error) {
    // Kept for the retry loop and the admin page; the error still reaches the caller's log.
    await deps.db.paymentWebhook.update({ where: { webhookId }, data: { attempts: { increment: 1 }, lastError: String(error).slice(0, 1000) } });
    throw error;
  }
}
