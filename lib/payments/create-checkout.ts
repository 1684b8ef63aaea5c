// Opens (or reopens) the checkout of one of the caller's PENDING reservations. Every amount comes
// from our own rows: the seats' prices stored on the reservation and the event's booking fee. The
// payment id is ours; the amount is pre-registered at PortOne before the browser sees the window,
// so a tampered window cannot charge another amount. A double click finds the same live payment:
// the reservation row is locked while the payment is created and payments_live_reservation_id_key
// allows one live payment per reservation, whatever happens in between. The cancellation policy
// in force is snapshotted onto the reservation at the same moment and shown with the total.
import { z } from 'zod';
import type { Prisma } from '../db/create-prisma';
import { uuidV7 } from '../db/uuid-v7';
import { AppError, notFound } from '../errors/app-error';
import { CancellationPolicy } from '../refunds/cancellation-policy';
import { snapshotCancellationPolicy } from '../refunds/snapshot-cancellation-policy';
import { describeCancellationPolicy } from '../refunds/describe-cancellation-policy';
import { bookingFeePerTicket } from './booking-fee-per-ticket';
import type { PaymentDeps } from './payment-deps';
import { toCheckoutView, type CheckoutView } from './checkout-view';
import { SETTLE_TX } from './settle-tx-options';
import { virtualAccountDueAt } from './virtual-account-due-at';

export const CreateCheckoutInput = z.object({ reservationId: z.string(), userId: z.uuid() });
export type CreateCheckoutInput = z.infer<typeof CreateCheckoutInput>;

type ReservationRow = {
  id: string;
  status: string;
  total_krw: number;
  booking_fee_krw: number | null;
  payment_deadline: Date;
  performance_id: string;
  time_zone: string;
  starts_at: Date;
  general_sale_closes_at: Date;
  title: string;
  genre: 'CONCERT' | 'MUSICAL' | 'THEATER' | 'CLASSIC' | 'SPORTS' | 'EXHIBITION' | 'FAMILY' | 'OTHER';
  event_fee_krw: number | null;
};

export async function createCheckout(deps: PaymentDeps, input: CreateCheckoutInput, now = new Date()): Promise<CheckoutView> {
  const { reservationId, userId } = CreateCheckoutInput.parse(input);
  if (!z.uuid().safeParse(reservationId).success) throw notFound('Reservation');
  const paymentId = await deps.db.$transaction(async (tx) => {
    const [reservation] = await tx.$queryRaw<ReservationRow[]>`
      SELECT r.id, r.status::text AS status, r.total_krw, r.booking_fee_krw, r.payment_deadline, r.performance_id,
             p.starts_at, p.general_sale_closes_at, e.title, e.genre::text AS genre, e.booking_fee_krw AS event_fee_krw,
             v.time_zone
        FROM ticket.reservations r
        JOIN ticket.performances p ON p.id = r.performance_id
        JOIN ticket.events e ON e.id = p.event_id
        JOIN ticket.halls h ON h.id = p.hall_id
        JOIN ticket.venues v ON v.id = h.venue_id
       WHERE r.id = ${reservationId}::uuid AND r.user_id = ${userId}::uuid
         FOR UPDATE OF r`;
    if (!reservation) throw notFound('Reservation');
    const live = await tx.payment.findUnique({ where: { liveReservationId: reservationId }, select: { id: true, status: true } });
    if (live && live.status !== 'READY' && live.status !== 'PAY_PENDING') {
      throw new AppError('conflict', 'This reservation already has a payment under way', { reason: 'payment_in_progress', paymentStatus: live.status });
    }
    if (reservation.status !== 'PENDING') {
      throw new AppError('conflict', `A ${reservation.status.toLowerCase()} reservation cannot be paid`, { reason: 'not_payable' });
    }
    if (reservation.payment_deadline.getTime() <= now.getTime()) {
      throw new AppError('conflict', 'The payment deadline has passed; the seats are back on sale', { reason: 'deadline_passed' });
    }
    // The policy this booking will be cancelled under is the one the fan is shown now.
    await snapshotCancellationPolicy(tx, { reservationId });
    if (live) return live.id;
    return insertPayment(tx, deps, userId, reservation, now);
  }, SETTLE_TX);
  const payment = await deps.db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  if (payment.status === 'READY') {
    // Outside the transaction: PortOne may be slow, and a failure leaves a READY payment that the
    // next click pre-registers again (the same amount: pre-registering is idempotent there).
    await deps.portone.payment
      .preRegisterPayment({ paymentId: payment.portonePaymentId, totalAmount: payment.amountKrw, currency: 'KRW' })
      .catch((error: unknown) => {
        throw new AppError('unavailable', 'The payment service did not answer; please try again', { cause: String(error) });
      });
  }
  const { cancellationPolicy, performance } = await deps.db.reservation.findUniqueOrThrow({
    where: { id: reservationId },
    select: { cancellationPolicy: true, performance: { select: { startsAt: true } } },
  });
  const policy = CancellationPolicy.parse(cancellationPolicy);
  return toCheckoutView(payment, deps.config, {
    ko: describeCancellationPolicy(policy, performance.startsAt, 'ko').lines,
    en: describeCancellationPolicy(policy, performance.startsAt, 'en').lines,
  });
}

async function insertPayment(tx: Prisma.TransactionClient, deps: PaymentDeps, userId: string, reservation: ReservationRow, now: Date): Promise<string> {
  const seats = await tx.reservationItem.findMany({
    where: { reservationId: reservation.id },
    select: { grade: true, priceKrw: true, seat: { select: { rowLabel: true, number: true, section: { select: { name: true } } } } },
    orderBy: { seat: { ordinal: 'asc' } },
  });
  // The fee is fixed at the first checkout: a fee change later in the sale never alters it.
  const feePerTicket = reservation.booking_fee_krw !== null ? reservation.booking_fee_krw / seats.length : bookingFeePerTicket({ genre: reservation.genre, bookingFeeKrw: reservation.event_fee_krw });
  const bookingFeeKrw = feePerTicket * seats.length;
  if (reservation.booking_fee_krw === null) {
    await tx.reservation.update({ where: { id: reservation.id }, data: { bookingFeeKrw } });
  }
  const amountKrw = reservation.total_krw + bookingFeeKrw;
  const dueAt = virtualAccountDueAt({
    now,
    saleClosesAt: reservation.general_sale_closes_at,
    startsAt: reservation.starts_at,
    maxHours: deps.config.virtualAccount.maxHours,
    cutoffHoursBeforeShow: deps.config.virtualAccount.cutoffHoursBeforeShow,
  });
  const orderName = seats.length === 1 ? reservation.title : `${reservation.title} 외 ${seats.length - 1}매`;
  const id = uuidV7(now.getTime());
  const snapshot = {
    seats: seats.map((s) => ({ section: s.seat.section.name, row: s.seat.rowLabel, number: s.seat.number, grade: s.grade, priceKrw: s.priceKrw })),
    ticketsKrw: reservation.total_krw,
    bookingFeePerTicketKrw: feePerTicket,
    bookingFeeKrw,
    amountKrw,
    paymentDeadline: reservation.payment_deadline.toISOString(),
    virtualAccountDueAt: dueAt?.toISOString() ?? null,
    performanceId: reservation.performance_id,
    startsAt: reservation.starts_at.toISOString(),
    timeZone: reservation.time_zone,
    eventTitle: reservation.title,
  };
  await tx.payment.create({
    data: {
      id,
      portonePaymentId: id,
      userId,
      purpose: 'RESERVATION',
      reservationId: reservation.id,
      liveReservationId: reservation.id,
      amountKrw,
      ticketsKrw: reservation.total_krw,
      bookingFeeKrw,
      orderName,
      checkoutSnapshot: snapshot,
      virtualAccountDueAt: dueAt,
      createdAt: now,
    },
  });
  return id;
}
