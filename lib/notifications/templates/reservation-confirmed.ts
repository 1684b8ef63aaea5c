// Booking confirmed (the receipt): sent when a paid reservation becomes CONFIRMED.
import { createFormat } from '../../i18n/create-format';
import { getTranslator } from '../../i18n/get-translator';
import type { SeatLabelParts } from '../../i18n/format-seat-label';
import type { Locale } from '../../i18n/locales';
import type { NotificationContent } from '../notification-content';
import { composeNotice } from './compose-notice';
import { venueTime } from './venue-time';
import { paymentMethodName } from './payment-method-name';

export type ReservationConfirmedData = {
  eventTitle: string;
  /** ISO instant of the show, shown on the venue's clock (`timeZone`). */
  performanceAt: string;
  timeZone: string;
  venueName: string;
  seats: SeatLabelParts[];
  totalAmount: number;
  /** PortOne's method kind (`CARD`, `EASY_PAY`, `VIRTUAL_ACCOUNT`, …). */
  paymentMethod: string;
  reservationCode: string;
};

export function renderReservationConfirmed(data: ReservationConfirmedData, locale: Locale): NotificationContent {
  const t = getTranslator(locale, 'mail');
  const format = createFormat(locale);
  const performanceAt = venueTime(t, format, data.performanceAt, data.timeZone);
  const amount = format.krw(data.totalAmount);
  return composeNotice(locale, {
    eventTitle: data.eventTitle,
    subject: t('reservationConfirmed.subject'),
    title: t('reservationConfirmed.title', { event: data.eventTitle }),
    body: t('reservationConfirmed.body', { performanceAt, count: data.seats.length, amount }),
    lead: t('reservationConfirmed.lead'),
    lines: [
      ['event', data.eventTitle],
      ['performanceAt', performanceAt],
      ['venue', data.venueName],
      ['seats', data.seats.map(format.seat).join(', ')],
      ['paid', t('paidWith', { amount, method: paymentMethodName(t, data.paymentMethod) })],
      ['reservationCode', data.reservationCode],
    ],
  });
}
