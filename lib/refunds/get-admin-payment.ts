// One payment for the admin: its amounts, its refunds, every PortOne webhook delivery about it
// (verbatim) and the admin actions taken on it.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import { DEFAULT_VENUE_TIME_ZONE } from './cancellation-policy';

export type AdminPaymentDetail = {
  id: string;
  portonePaymentId: string;
  status: string;
  method: string | null;
  amountKrw: number;
  ticketsKrw: number;
  bookingFeeKrw: number;
  cancelledKrw: number;
  createdAt: string;
  paidAt: string | null;
  /** The venue's zone (Asia/Seoul for a payment with no performance): the clock its times are shown on. */
  timeZone: string;
  failureReason: string | null;
  cancelReason: string | null;
  userEmail: string | null;
  reservationId: string | null;
  reservationStatus: string | null;
  eventTitle: string | null;
  refunds: { id: string; status: string; initiator: string; amountKrw: number; feeKrw: number; reason: string; failureReason: string | null; createdAt: string; completedAt: string | null }[];
  webhooks: { webhookId: string; type: string; receivedAt: string; processedAt: string | null; attempts: number; lastError: string | null; rawBody: string }[];
  audit: { action: string; actorId: string | null; after: unknown; createdAt: string }[];
};

export async function getAdminPayment(db: Db, paymentId: string): Promise<AdminPaymentDetail> {
  if (!z.uuid().safeParse(paymentId).success) throw notFound('Payment');
  const p = await db.payment.findUnique({
    where: { id: paymentId },
    include: {
      user: { select: { email: true } },
      refunds: { orderBy: { createdAt: 'asc' } },
      reservation: { select: { status: true, performance: { select: { event: { select: { title: true } }, hall: { select: { venue: { select: { timeZone: true } } } } } } } },
    },
  });
  if (!p) throw notFound('Payment');
  const [webhooks, audit] = await Promise.all([
    db.paymentWebhook.findMany({ where: { portonePaymentId: p.portonePaymentId }, orderBy: { receivedAt: 'asc' } }),
    db.adminAuditLog.findMany({ where: { entityType: 'payment', entityId: p.id }, orderBy: { createdAt: 'asc' } }),
  ]);
  return {
    id: p.id,
    portonePaymentId: p.portonePaymentId,
    status: p.status,
    method: p.method,
    amountKrw: p.amountKrw,
    ticketsKrw: p.ticketsKrw,
    bookingFeeKrw: p.bookingFeeKrw,
    cancelledKrw: p.cancelledKrw,
    createdAt: p.createdAt.toISOString(),
    paidAt: p.paidAt?.toISOString() ?? null,
    failureReason: p.failureReason,
    cancelReason: p.cancelReason,
    userEmail: p.user.email,
    reservationId: p.reservationId,
    reservationStatus: p.reservation?.status ?? null,
    eventTitle: p.reservation?.performance.event.title ?? null,
    timeZone: p.reservation?.performance.hall.venue.timeZone ?? DEFAULT_VENUE_TIME_ZONE,
    refunds: p.refunds.map((r) => ({
      id: r.id,
      status: r.status,
      initiator: r.initiator,
      amountKrw: r.amountKrw,
      feeKrw: r.feeKrw,
      reason: r.reason,
      failureReason: r.failureReason,
      createdAt: r.createdAt.toISOString(),
      completedAt: r.completedAt?.toISOString() ?? null,
    })),
    webhooks: webhooks.map((w) => ({
      webhookId: w.webhookId,
      type: w.type,
      receivedAt: w.receivedAt.toISOString(),
      processedAt: w.processedAt?.toISOString() ?? null,
      attempts: w.attempts,
      lastError: w.lastError,
      rawBody: w.rawBody,
    })),
    audit: audit.map((a) => ({ action: a.action, actorId: a.actorId, after: a.after, createdAt: a.createdAt.toISOString() })),
  };
}
