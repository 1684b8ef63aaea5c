// A paid booking for refund tests, made the way a fan makes one: seats held and reserved through
// the real hold and reservation code, the payment made on the PortOne stand-in, then the booking
// confirmed and paid as settle leaves it (payment PAID, reservation CONFIRMED with the policy
// snapshotted at checkout, a ticket per seat).
import { randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db/create-prisma';
import { holdSeats } from '../../lib/holds/hold-seats';
import type { Redis } from '../../lib/redis/create-redis';
import { snapshotCancellationPolicy } from '../../lib/refunds/snapshot-cancellation-policy';
import { createReservation } from '../../lib/reservations/create-reservation';
import { issueTickets } from '../../lib/tickets/issue-tickets';
import type { TestPortOne } from './test-portone';

export type PaidBookingFixture = { reservationId: string; paymentId: string; portonePaymentId: string; amountKrw: number };

export async function createPaidBooking(
  deps: { db: Db; redis: Redis; portone: TestPortOne },
  input: { performanceId: string; userId: string; ordinals: number[]; paidAt: Date; bookingFeePerTicketKrw?: number; method?: 'card' | 'virtual_account' },
): Promise<PaidBookingFixture> {
  const now = () => input.paidAt;
  const holdDeps = { db: deps.db, redis: deps.redis, holdSeconds: 600, now };
  await holdSeats(holdDeps, input.performanceId, input.userId, { seats: input.ordinals });
  const { reservation } = await createReservation(holdDeps, input.userId, randomUUID(), { performanceId: input.performanceId, seats: input.ordinals });
  await snapshotCancellationPolicy(deps.db, { reservationId: reservation.id });

  const bookingFeeKrw = (input.bookingFeePerTicketKrw ?? 2_000) * input.ordinals.length;
  const amountKrw = reservation.totalKrw + bookingFeeKrw;
  const portonePaymentId = `res-${reservation.id}`;
  await deps.portone.client.payment.preRegisterPayment({ paymentId: portonePaymentId, totalAmount: amountKrw, currency: 'KRW' });
  const method = input.method ?? 'card';
  const result = deps.portone.control.pay(portonePaymentId, { method, outcome: 'paid', request: { orderName: 'test', totalAmount: amountKrw } });
  if (result.code) throw new Error(`stand-in refused the payment: ${result.code} ${result.message}`);
  if (method === 'virtual_account') deps.portone.control.deposit(portonePaymentId);

  const payment = await deps.db.payment.create({
    data: {
      portonePaymentId,
      userId: input.userId,
      purpose: 'RESERVATION',
      reservationId: reservation.id,
      liveReservationId: reservation.id,
      amountKrw,
      ticketsKrw: reservation.totalKrw,
      bookingFeeKrw,
      status: 'PAID',
      method: method === 'card' ? 'CARD' : 'VIRTUAL_ACCOUNT',
      paidAt: input.paidAt,
      createdAt: input.paidAt,
    },
  });
  await deps.db.$transaction(async (tx) => {
    await tx.reservation.update({ where: { id: reservation.id }, data: { status: 'CONFIRMED', confirmedAt: input.paidAt, bookingFeeKrw } });
    await issueTickets(tx, { id: reservation.id, userId: input.userId }, input.paidAt);
  });
  return { reservationId: reservation.id, paymentId: payment.id, portonePaymentId, amountKrw };
}
