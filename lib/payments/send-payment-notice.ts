// A payment notice in the fan's words: the facts the templates need (event, show time on the
// venue's clock, seats, amount) read from the reservation, then the one notification channel
// (in-app list + email, once per user, kind and subject).
import type { Db } from '../db/create-prisma';
import { formatDateTime } from '../i18n/format-date-time';
import { formatZoneLabel } from '../i18n/format-zone-label';
import type { Mailer } from '../mail/create-mailer';
import { notifyUser } from '../notifications/notify-user';
import { DEFAULT_VENUE_TIME_ZONE } from '../refunds/cancellation-policy';
import type { PaymentNotice } from './payment-deps';

const METHOD_LABELS: Record<string, string> = { CARD: '카드', EASY_PAY: '간편결제', VIRTUAL_ACCOUNT: '가상계좌' };

/**
 * An instant on the venue's wall clock (stored times are UTC). A venue outside Korea's zone says
 * which clock it is, since the fan reads the notice on Korean time.
 */
function venueTime(instant: Date, timeZone: string): string {
  const wallClock = formatDateTime(instant, 'ko', timeZone);
  return timeZone === DEFAULT_VENUE_TIME_ZONE ? wallClock : `${wallClock} · 현지 시각 ${formatZoneLabel(timeZone, instant)}`;
}

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
  const timeZone = reservation?.performance.hall.venue.timeZone ?? DEFAULT_VENUE_TIME_ZONE;
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
        performanceAt: reservation ? venueTime(reservation.performance.startsAt, timeZone) : '',
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
        depositDeadline: facts.dueAt ? venueTime(new Date(String(facts.dueAt)), timeZone) : '',
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
