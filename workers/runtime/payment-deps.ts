// The payments jobs' dependencies for this process, built once per worker context: one PortOne
// client over the configured origin (the stand-in or api.portone.io) and the fan's notices.
import type { PaymentDeps } from '../../lib/payments/payment-deps';
import { createPortOneClient } from '../../lib/payments/portone-client';
import { sendPaymentNotice } from '../../lib/payments/send-payment-notice';
import { paymentsConfig } from '../config';
import type { WorkerContext } from './context';

const built = new WeakMap<WorkerContext, PaymentDeps>();

export function paymentDeps(ctx: WorkerContext): PaymentDeps {
  const existing = built.get(ctx);
  if (existing) return existing;
  const config = paymentsConfig(ctx.config);
  const deps: PaymentDeps = {
    db: ctx.db,
    redis: ctx.redis,
    portone: createPortOneClient(config.portone),
    config,
    notify: (notice) => sendPaymentNotice({ db: ctx.db, mailer: ctx.mailer }, notice),
  };
  built.set(ctx, deps);
  return deps;
}
