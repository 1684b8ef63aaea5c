// The admin payments list: search by PortOne payment id or the payer's email, filter by state,
// method, day range and event, newest first, a page at a time, with the events and methods the
// filters offer.
import { z } from 'zod';
import { SearchText } from '../admin/page-query';
import type { Db, Prisma } from '../db/create-prisma';
import { DEFAULT_VENUE_TIME_ZONE } from './cancellation-policy';

const PAYMENT_STATES = ['READY', 'PAY_PENDING', 'VIRTUAL_ACCOUNT_ISSUED', 'PAID', 'FAILED', 'CANCELLED', 'PARTIAL_CANCELLED'] as const;

export const ListAdminPaymentsInput = z.object({
  q: SearchText,
  status: z.enum(PAYMENT_STATES).optional(),
  method: z.string().trim().min(1).max(40).optional(),
  /** Created at or after (ISO instant). */
  from: z.iso.datetime({ offset: true }).optional(),
  /** Created before (ISO instant). */
  until: z.iso.datetime({ offset: true }).optional(),
  eventId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListAdminPaymentsInput = z.input<typeof ListAdminPaymentsInput>;

export type AdminPaymentRow = {
  id: string;
  portonePaymentId: string;
  status: string;
  method: string | null;
  amountKrw: number;
  cancelledKrw: number;
  createdAt: string;
  paidAt: string | null;
  userEmail: string | null;
  reservationId: string | null;
  eventTitle: string | null;
  performanceStartsAt: string | null;
  /** The venue's zone (Asia/Seoul for a payment with no performance): the clock its times are shown on. */
  timeZone: string;
};

export async function listAdminPayments(db: Db, input: ListAdminPaymentsInput): Promise<{ payments: AdminPaymentRow[]; total: number; page: number; pageSize: number; events: { id: string; title: string }[]; methods: string[] }> {
  const { q, status, method, from, until, eventId, page, pageSize } = ListAdminPaymentsInput.parse(input);
  const where: Prisma.PaymentWhereInput = {
    ...(q ? { OR: [{ portonePaymentId: { contains: q } }, { user: { email: { contains: q, mode: 'insensitive' } } }] } : {}),
    ...(status ? { status } : {}),
    ...(method ? { method } : {}),
    ...(from || until ? { createdAt: { ...(from ? { gte: new Date(from) } : {}), ...(until ? { lt: new Date(until) } : {}) } } : {}),
    ...(eventId ? { reservation: { performance: { eventId } } } : {}),
  };
  const [rows, total, events, methods] = await Promise.all([
    db.payment.findMany({
      where,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { user: { select: { email: true } }, reservation: { select: { performance: { select: { startsAt: true, event: { select: { title: true } }, hall: { select: { venue: { select: { timeZone: true } } } } } } } } },
    }),
    db.payment.count({ where }),
    db.event.findMany({ where: { performances: { some: { reservations: { some: { payments: { some: {} } } } } } }, select: { id: true, title: true }, orderBy: { title: 'asc' }, take: 200 }),
    db.payment.findMany({ where: { method: { not: null } }, distinct: ['method'], select: { method: true } }),
  ]);
  return {
    events,
    methods: methods.map((m) => m.method!).sort(),
    total,
    page,
    pageSize,
    payments: rows.map((p) => ({
      id: p.id,
      portonePaymentId: p.portonePaymentId,
      status: p.status,
      method: p.method,
      amountKrw: p.amountKrw,
      cancelledKrw: p.cancelledKrw,
      createdAt: p.createdAt.toISOString(),
      paidAt: p.paidAt?.toISOString() ?? null,
      userEmail: p.user.email,
      reservationId: p.reservationId,
      eventTitle: p.reservation?.performance.event.title ?? null,
      performanceStartsAt: p.reservation?.performance.startsAt.toISOString() ?? null,
      timeZone: p.reservation?.performance.hall.venue.timeZone ?? DEFAULT_VENUE_TIME_ZONE,
    })),
  };
}
