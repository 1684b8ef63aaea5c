// The `payments` role: settles what the browser and the webhooks did not — stored webhook
// deliveries whose settle did not finish, payments still open after PAYMENT_PENDING_MINUTES
// (a lost webhook), and virtual accounts whose deposit deadline passed (account closed at
// PortOne, reservation expired, seats back on the map); refunds every booking of a cancelled
// performance, resends refunds left REQUESTED and tells fans of completed refunds.
import { expireDepositDeadlines } from '../../lib/payments/expire-deposit-deadlines';
import { reconcilePendingPayments } from '../../lib/payments/reconcile-pending-payments';
import { settleStoredWebhooks } from '../../lib/payments/settle-stored-webhooks';
import { notifyCompletedRefunds } from '../../lib/refunds/notify-completed-refunds';
import { reconcilePreviousDay } from '../../lib/refunds/reconcile-previous-day';
import { refundCancelledPerformances } from '../../lib/refunds/refund-cancelled-performances';
import { retryRequestedRefunds } from '../../lib/refunds/retry-requested-refunds';
import type { WorkerContext } from '../runtime/context';
import type { PaymentDeps } from '../../lib/payments/payment-deps';
import { paymentDeps } from '../runtime/payment-deps';
import { defineLoopRole } from './define-loop-role';

const withDeps = (job: (deps: PaymentDeps, ctx: WorkerContext) => Promise<unknown>) => async (ctx: WorkerContext) => {
  await job(paymentDeps(ctx), ctx);
};

const refundDeps = (deps: PaymentDeps) => ({ db: deps.db, redis: deps.redis, portOne: deps.portone });
// A refund still REQUESTED this long after it was recorded lost its PortOne answer: well past the
// 10 s a cancel request may take, so the loop never races a request still in flight.
const REFUND_RETRY_AFTER_MS = 60_000;

export const paymentsRole = defineLoopRole('payments', [
  { name: 'settle-stored-webhooks', intervalMs: () => 5_000, tick: withDeps((deps) => settleStoredWebhooks(deps)) },
  { name: 'reconcile-pending', intervalMs: (ctx) => ctx.config.PAYMENT_RECONCILE_INTERVAL_MS, tick: withDeps((deps) => reconcilePendingPayments(deps)) },
  { name: 'expire-deposit-deadlines', intervalMs: () => 5_000, tick: withDeps((deps) => expireDepositDeadlines(deps)) },
  { name: 'refund-cancelled-performances', intervalMs: () => 5_000, tick: withDeps((deps) => refundCancelledPerformances(refundDeps(deps), new Date())) },
  {
    name: 'retry-requested-refunds',
    intervalMs: () => 30_000,
    tick: withDeps((deps) => retryRequestedRefunds(refundDeps(deps), new Date(), { olderThanMs: REFUND_RETRY_AFTER_MS })),
  },
  // Hourly is enough to have yesterday's report early in the morning; it is built once a day.
  { name: 'reconcile-previous-day', intervalMs: () => 3_600_000, tick: withDeps((deps) => reconcilePreviousDay({ db: deps.db, portOne: deps.portone }, new Date())) },
  { name: 'notify-completed-refunds', intervalMs: () => 10_000, tick: withDeps((deps, ctx) => notifyCompletedRefunds({ db: deps.db, mailer: ctx.mailer }, new Date())) },
]);
