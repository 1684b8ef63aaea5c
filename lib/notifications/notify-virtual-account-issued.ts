// Virtual account details: the bank, account, amount and deadline of a reservation waiting for its deposit,
// in the app and by email, once per payment.
import type { Db } from '../db/create-prisma';
import { notifyUser, type NotifyUserDeps, type NotifyUserResult } from './notify-user';

export type NotifyVirtualAccountIssuedInput = {
  reservationId: string;
  /** The payment id: a reopened checkout issues a new account and so a new notice. */
  paymentId: string;
  /** PortOne's `Bank` code (`SHINHAN`, `KOOKMIN`, …). */
  bank: string;
  accountNumber: string;
  accountHolder: string;
  amount: number;
  depositDeadline: Date;
};

export async function notifyVirtualAccountIssued(deps: NotifyUserDeps, input: NotifyVirtualAccountIssuedInput): Promise<NotifyUserResult> {
  const reservation = await loadReservation(deps.db, input.reservationId);
  return notifyUser(deps, {
    userId: reservation.userId,
    kind: 'payment.virtual_account_issued',
    subjectId: input.paymentId,
    link: `/me/reservations/${reservation.id}`,
    data: {
      eventTitle: reservation.performance.event.title,
      bank: input.bank,
      accountNumber: input.accountNumber,
      accountHolder: input.accountHolder,
      amount: input.amount,
      depositDeadline: input.depositDeadline.toISOString(),
      timeZone: reservation.performance.hall.venue.timeZone,
    },
  });
}

function loadReservation(db: Db, reservationId: string) {
  return db.reservation.findUniqueOrThrow({
    where: { id: reservationId },
    select: { id: true, userId: true, performance: { select: { event: { select: { title: true } }, hall: { select: { venue: { select: { timeZone: true } } } } } } },
  });
}
