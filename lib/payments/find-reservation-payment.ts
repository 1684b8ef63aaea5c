// The latest payment of one of the caller's reservations (null before the first checkout): the
// reservation page shows its state — a virtual account to fund, a declined card to retry.
import type { Db } from '../db/create-prisma';
import { toPaymentView, type PaymentView } from './payment-view';

export async function findReservationPayment(db: Db, input: { reservationId: string; userId: string }): Promise<PaymentView | null> {
  const payment = await db.payment.findFirst({ where: { reservationId: input.reservationId, userId: input.userId }, orderBy: { createdAt: 'desc' } });
  return payment ? toPaymentView(payment) : null;
}
