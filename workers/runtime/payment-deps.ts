// The payments jobs' dependencies for this process, built once per worker context: one PortOne
// client over the configured origin (the stand-in or api.portone.io) and the fan's notices.
import { AppError } from '../../lib/errors/app-error';
import type { PaymentDeps } from '../../lib/payments/payment-deps';
import { createPortOneClient } from '../../lib/payments/portone-client';
import { sendPaymentNotice } from '../../lib/payments/send-payment-notice';
import { paymentsConfig } from '../config';
import type { WorkerContext } from './context';

const built = new WeakMap<WorkerContext, PaymentDeps | null>();

/** Null when PortOne is not configured (the payments role then idles). */
export function findPaymentDeps(ctx: WorkerContext): PaymentDeps | null {
  if (built.has(ctx)) return built.get(ctx)!;
  const config = paymentsConfig(ctx.config);
  const deps: PaymentDeps | null = config && {
    db: ctx.db,
    redis: ctx.redis,
    portone: createPortOneClient(config.portone),
    config,
    notify: (notice) => sendPaymentNotice({ db: ctx.db, mailer: ctx.mailer }, notice),
  };
  built.set(ctx, deps);
  return deps;
}

/** For the API: checkout and webhooks answer 503 naming what is missing when PortOne is not configured. */
export function requirePaymentDeps(ctx: WorkerContext): PaymentDeps {
  const deps = findPaymentDeps(ctx);
  if (!deps) throw new AppError('unavailable', 'Payments are not configured (PORTONE_* settings)');
  return deps;
}
