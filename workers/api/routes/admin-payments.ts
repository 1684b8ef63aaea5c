// Admin payments (admins only).
// GET  /v1/admin/payments?status&method&from&until&eventId&page&pageSize — the list
// GET  /v1/admin/payments/:id                       — one payment, its refunds, webhooks and audit trail
// POST /v1/admin/payments/:id/refund                — refund with a reason (everything, or amountKrw of money only)
// POST /v1/admin/payments/:id/resend-webhook        — PortOne sends the latest webhook again
// POST /v1/admin/performances/:id/cancel            — call a performance off; the payments role refunds every booking
// GET  /v1/admin/reconciliation                     — the daily reports and their mismatches
// POST /v1/admin/reconciliation/run                 — build (or refresh) one day's report now
// POST /v1/admin/reconciliation/mismatches/:id/resolve — close a mismatch with a note
// POST /v1/admin/reconciliation/mismatches/:id/resend-webhook — PortOne resends the mismatched payment's webhook
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { notFound } from '../../../lib/errors/app-error';
import { buildReconciliationReport } from '../../../lib/refunds/build-reconciliation-report';
import { cancelPerformance } from '../../../lib/refunds/cancel-performance';
import { getAdminPayment } from '../../../lib/refunds/get-admin-payment';
import { listAdminPayments } from '../../../lib/refunds/list-admin-payments';
import { findReconciliationMismatch } from '../../../lib/refunds/find-reconciliation-mismatch';
import { listReconciliationReports } from '../../../lib/refunds/list-reconciliation-reports';
import { refundPaymentAsAdmin } from '../../../lib/refunds/refund-payment-as-admin';
import { resendPaymentWebhook } from '../../../lib/refunds/resend-payment-webhook';
import { resolveReconciliationMismatch } from '../../../lib/refunds/resolve-reconciliation-mismatch';
import { RefundAccount } from '../../../lib/refunds/refund-account';
import type { WorkerContext } from '../../runtime/context';
import { paymentDeps } from '../../runtime/payment-deps';
import { requireAdmin } from '../internal-auth';

const RefundBody = z.object({ reason: z.string(), amountKrw: z.number().int().positive().optional(), refundAccount: RefundAccount.optional() });
const ReasonBody = z.object({ reason: z.string() });
const ResolveBody = z.object({ resolution: z.string() });
const RunBody = z.object({ day: z.iso.date() });

export function registerAdminPaymentRoutes(app: FastifyInstance, ctx: WorkerContext, options: { now?: () => number } = {}) {
  const now = () => new Date(options.now?.() ?? Date.now());
  const portOneDeps = () => {
    const deps = paymentDeps(ctx);
    return { db: ctx.db, redis: ctx.redis, portOne: deps.portone };
  };

  app.get('/v1/admin/payments', async (request) => {
    requireAdmin(request);
    return listAdminPayments(ctx.db, request.query as Record<string, string>);
  });

  app.get<{ Params: { id: string } }>('/v1/admin/payments/:id', async (request) => {
    requireAdmin(request);
    return { payment: await getAdminPayment(ctx.db, request.params.id) };
  });

  app.post<{ Params: { id: string } }>('/v1/admin/payments/:id/refund', async (request) => {
    const admin = requireAdmin(request);
    const body = RefundBody.parse(request.body ?? {});
    const refund = await refundPaymentAsAdmin(portOneDeps(), { paymentId: request.params.id, actorId: admin.userId, requestId: request.id, ...body }, now());
    return { refund };
  });

  app.post<{ Params: { id: string } }>('/v1/admin/payments/:id/resend-webhook', async (request) => {
    const admin = requireAdmin(request);
    const payment = await getAdminPayment(ctx.db, request.params.id).catch(() => {
      throw notFound('Payment');
    });
    return resendPaymentWebhook(portOneDeps(), { portonePaymentId: payment.portonePaymentId, actorId: admin.userId, requestId: request.id });
  });

  app.post<{ Params: { id: string } }>('/v1/admin/performances/:id/cancel', async (request) => {
    const admin = requireAdmin(request);
    const { reason } = ReasonBody.parse(request.body ?? {});
    return cancelPerformance(ctx.db, { performanceId: request.params.id, actorId: admin.userId, reason, requestId: request.id }, now());
  });

  app.get('/v1/admin/reconciliation', async (request) => {
    requireAdmin(request);
    return { reports: await listReconciliationReports(ctx.db) };
  });

  app.post('/v1/admin/reconciliation/run', async (request) => {
    const admin = requireAdmin(request);
    const { day } = RunBody.parse(request.body ?? {});
    return { report: await buildReconciliationReport(portOneDeps(), { day, actor: { actorId: admin.userId, requestId: request.id } }, now()) };
  });

  app.post<{ Params: { id: string } }>('/v1/admin/reconciliation/mismatches/:id/resend-webhook', async (request) => {
    const admin = requireAdmin(request);
    const mismatch = await findReconciliationMismatch(ctx.db, request.params.id);
    return resendPaymentWebhook(portOneDeps(), { portonePaymentId: mismatch.portonePaymentId, actorId: admin.userId, requestId: request.id });
  });

  app.post<{ Params: { id: string } }>('/v1/admin/reconciliation/mismatches/:id/resolve', async (request) => {
    const admin = requireAdmin(request);
    const { resolution } = ResolveBody.parse(request.body ?? {});
    return resolveReconciliationMismatch(ctx.db, { mismatchId: request.params.id, actorId: admin.userId, resolution, requestId: request.id }, now());
  });
}
