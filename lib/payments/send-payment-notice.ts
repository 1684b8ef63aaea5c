// A payment notice: the facts the templates need (event, show time and the venue's zone,
// seats, amount) read from the reservation, then the one notification channel
// (in-app list + email, once per user, kind and subject). Facts only (instants, the venue's
// zone, method and bank codes): the templates word them in the fan's language.
import type { Db } from '../db/create-prisma';
import type { Mailer } from '../mail/create-mailer';
import { notifyUser } from '../notifications/notify-user';
import { DEFAULT_VENUE_TIME_ZONE } from '../refunds/cancellation-policy';
import type { PaymentNotice } from './payment-deps';

export async function sendPaymentNotice(deps: { db: Db; mailer?: Mailer; now?: Date }, notice: PaymentNotice): Promise<void> {
  const reservation = notice.reservationId
    ? await deps.db.reservation.findUnique({
        where: { id: notice.reservationId },
        select: {
          performance: { select: { startsAt: true, event: { select: { title: true } }, hall: { select: { venue: { select: { name: true, timeZone: true } } } } } },
          items: { select: { seat: { select: { rowLabel: true, number: true, section: { select: { name: true } } } } }, orderBy: { seat: { ordinal: 'asc' } } },
        },
      })
    : null;
  const eventTitle = reservation?.performance.event.title ?? 'OpenSeat';
  const now = deps.now ?? new Date();
  const notify = { db: deps.db, mailer: deps.mailer, now };
  const timeZone = reservation?.performance.hall.venue.timeZone ?? DEFAULT_VENUE_TIME_ZONE;
  const link = notice.reservationId ? `/me/reservations/${notice.reservationId}` : undefined;
  const base = { userId: notice.userId, subjectId: notice.paymentId, link };
  const facts = notice.facts;
  if (notice.kind === 'payment_confirmed') {
    await notifyUser(notify, {
      ...base,
      kind: 'reservation.confirmed',
      data: {
        eventTitle,
        performanceAt: (reservation?.performance.startsAt ?? now).toISOString(),
        timeZone,
        venueName: reservation?.performance.hall.venue.name ?? '',
        seats: reservation?.items.map(({ seat }) => ({ section: seat.section.name, row: seat.rowLabel, number: seat.number })) ?? [],
        totalAmount: Number(facts.amountKrw ?? 0),
        paymentMethod: String(facts.method ?? ''),
        reservationCode: (notice.reservationId ?? notice.paymentId).slice(-8).toUpperCase(),
      },
    });
  } else if (notice.kind === 'virtual_account_issued') {
    await notifyUser(notify, {
      ...base,
      kind: 'payment.virtual_account_issued',
      data: {
        eventTitle,
        bank: String(facts.bank ?? ''),
        accountNumber: String(facts.accountNumber ?? ''),
        accountHolder: String(facts.holder ?? 'OpenSeat'),
        amount: Number(facts.amountKrw ?? 0),
        depositDeadline: new Date(String(facts.dueAt ?? now.toISOString())).toISOString(),
        timeZone,
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
