// A payment notice in the fan's words: the facts the templates need (event, show time on the
// venue's clock, seats, amount) read from the reservation, then the one notification channel
// (in-app list + email, once per user, kind and subject).
import type { Db } from '../db/create-prisma';
import type { Mailer } from '../mail/create-mailer';
import { notifyUser } from '../notifications/notify-user';
import type { PaymentNotice } from './payment-deps';

const METHOD_LABELS: Record<string, string> = { CARD: '카드', EASY_PAY: '간편결제', VIRTUAL_ACCOUNT: '가상계좌' };
// Venues are in Korea until venues carry their own zone; stored times are UTC.
const formatKst = (date: Date) => new Intl.DateTimeFormat('ko-KR', { timeZone: 'Asia/Seoul', dateStyle: 'full', timeStyle: 'short' }).format(date);

export async function sendPaymentNotice(deps: { db: Db; mailer?: Mailer; now?: Date }, notice: PaymentNotice): Promise<void> {
  const reservation = notice.reservationId
    ? await deps.db.reservation.findUnique({
        where: { id: notice.reservationId },
        select: {
          performance: { select: { startsAt: true, event: { select: { title: true } }, hall: { select: { venue: { select: { name: true } } } } } },
          items: { select: { seat: { select: { rowLabel: true, number: true, section: { select: { name: true } } } } }, orderBy: { seat: { ordinal: 'asc' } } },
        },
      })
    : null;
  const eventTitle = reservation?.performance.event.title ?? 'OpenSeat';
  const notify = { db: deps.db, mailer: deps.mailer, now: deps.now ?? new Date() };
  const link = notice.reservationId ? `/me/reservations/${notice.reservationId}` : undefined;
  const base = { userId: notice.userId, subjectId: notice.paymentId, link };
  const facts = notice.facts;
  if (notice.kind === 'payment_confirmed') {
    await notifyUser(notify, {
      ...base,
      kind: 'reservation.confirmed',
      data: {
        eventTitle,
        performanceAt: reservation ? formatKst(reservation.performance.startsAt) : '',
        venueName: reservation?.performance.hall.venue.name ?? '',
        seats: reservation?.items.map((i) => `${i.seat.section.name} ${i.seat.rowLabel}열 ${i.seat.number}번`) ?? [],
        totalAmount: Number(facts.amountKrw ?? 0),
        paymentMethod: METHOD_LABELS[String(facts.method)] ?? String(facts.method ?? ''),
        reservationCode: (notice.reservationId ?? notice.paymentId).slice(-8).toUpperCase(),
      },
    });
  } else if (notice.kind === 'virtual_account_issued') {
    await notifyUser(notify, {
      ...base,
      kind: 'payment.virtual_account_issued',
      data: {
        eventTitle,
        bankName: String(facts.bank ?? ''),
        accountNumber: String(facts.accountNumber ?? ''),
        accountHolder: String(facts.holder ?? 'OpenSeat'),
        amount: Number(facts.amountKrw ?? 0),
        depositDeadline: facts.dueAt ? formatKst(new Date(String(facts.dueAt))) : '',
      },
    });
  } else {
    await notifyUser(notify, {
      ...base,
      kind: 'payment.not_taken',
      data: { eventTitle, reason: String(facts.reason ?? ''), refundedAmount: Number(facts.refundedKrw ?? 0) },
    });
  }
}
