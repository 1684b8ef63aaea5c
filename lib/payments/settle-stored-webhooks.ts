// The payments role's safety net for webhooks: a delivery stored (and answered 200) whose settle
// did not finish — the process died after the answer, or PortOne was briefly unreachable — is
// settled again once it is `retryAfterSeconds` old. One failing delivery does not hold up the rest.
import type { PaymentDeps } from './payment-deps';
import { settleWebhookDelivery } from './settle-webhook-delivery';

export async function settleStoredWebhooks(deps: PaymentDeps, now = new Date(), limit = 100): Promise<{ settled: number; failed: number }> {
  const due = await deps.db.paymentWebhook.findMany({
    where: { processedAt: null, receivedAt: { lte: new Date(now.getTime() - deps.config.webhookRetrySeconds * 1000) } },
    orderBy: { receivedAt: 'asc' },
    take: limit,
    select: { webhookId: true },
  });
  let failed = 0;
  for (const { webhookId } of due) {
    // The error is on the row (last_error, attempts); the next tick tries again.
    await settleWebhookDelivery(deps, webhookId, now).catch(() => (failed += 1));
  }
  return { settled: due.length - failed, failed };
}
