// An admin asks PortOne to send a payment's latest webhook again (a delivery our endpoint missed):
// the usual webhook path then settles it. Audited: who asked, for which payment.
import { recordAdminChange } from '../audit/record-admin-change';
import type { Db } from '../db/create-prisma';
import type { PortOne } from '../payments/portone-client';

export async function resendPaymentWebhook(deps: { db: Db; portOne: PortOne }, input: { portonePaymentId: string; actorId: string; requestId?: string | null }): Promise<{ webhookId: string | null }> {
  const response = await deps.portOne.payment.resendWebhook({ paymentId: input.portonePaymentId });
  const webhookId = (response as { webhook?: { id?: string } }).webhook?.id ?? null;
  const payment = await deps.db.payment.findUnique({ where: { portonePaymentId: input.portonePaymentId }, select: { id: true } });
  await recordAdminChange(deps.db, {
    actorId: input.actorId,
    action: 'payment.resend_webhook',
    entityType: 'payment',
    entityId: payment?.id ?? input.portonePaymentId,
    after: { portonePaymentId: input.portonePaymentId, webhookId },
    requestId: input.requestId,
  });
  return { webhookId };
}
