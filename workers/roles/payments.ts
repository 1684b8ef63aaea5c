// The `payments` role: settles what the browser and the webhooks did not — stored webhook
// deliveries whose settle did not finish, payments still open after PAYMENT_PENDING_MINUTES
// (a lost webhook), and virtual accounts whose deposit deadline passed (account closed at
// PortOne, reservation expired, seats back on the map). Idles when PortOne is not configured.
import { expireDepositDeadlines } from '../../lib/payments/expire-deposit-deadlines';
import { reconcilePendingPayments } from '../../lib/payments/reconcile-pending-payments';
import { settleStoredWebhooks } from '../../lib/payments/settle-stored-webhooks';
import type { WorkerContext } from '../runtime/context';
import { findPaymentDeps } from '../runtime/payment-deps';
import { defineLoopRole } from './define-loop-role';

const withDeps = (job: (deps: NonNullable<ReturnType<typeof findPaymentDeps>>) => Promise<unknown>) => async (ctx: WorkerContext) => {
  const deps = findPaymentDeps(ctx);
  if (deps) await job(deps);
};

export const paymentsRole = defineLoopRole('payments', [
  { name: 'settle-stored-webhooks', intervalMs: () => 5_000, tick: withDeps((deps) => settleStoredWebhooks(deps)) },
  { name: 'reconcile-pending', intervalMs: (ctx) => ctx.config.PAYMENT_RECONCILE_INTERVAL_MS, tick: withDeps((deps) => reconcilePendingPayments(deps)) },
  { name: 'expire-deposit-deadlines', intervalMs: () => 5_000, tick: withDeps((deps) => expireDepositDeadlines(deps)) },
]);
