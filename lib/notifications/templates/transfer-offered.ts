// 티켓 양도 요청: someone offers the recipient a ticket; they accept or decline it before the deadline.
import { createFormat } from '../../i18n/create-format';
import type { SeatLabelParts } from '../../i18n/format-seat-label';
import { getTranslator } from '../../i18n/get-translator';
import type { Locale } from '../../i18n/locales';
import type { NotificationContent } from '../notification-content';
import { composeNotice } from './compose-notice';
import { venueTime } from './venue-time';

export type TransferOfferedData = {
  fromName: string;
  eventTitle: string;
  /** ISO instants, shown on the venue's clock (`timeZone`). */
  performanceAt: string;
  expiresAt: string;
  timeZone: string;
  seat: SeatLabelParts;
};

export function renderTransferOffered(data: TransferOfferedData, locale: Locale): NotificationContent {
  const t = getTranslator(locale, 'mail');
  const format = createFormat(locale);
  const expiresAt = venueTime(t, format, data.expiresAt, data.timeZone);
  const seat = format.seat(data.seat);
  return composeNotice(locale, {
    eventTitle: data.eventTitle,
    subject: t('transferOffered.subject'),
    title: t('transferOffered.title', { event: data.eventTitle }),
    body: t('transferOffered.body', { from: data.fromName, seat, expiresAt }),
    lead: t('transferOffered.lead', { from: data.fromName, expiresAt }),
    lines: [
      ['from', data.fromName],
      ['event', data.eventTitle],
      ['performanceAt', venueTime(t, format, data.performanceAt, data.timeZone)],
      ['seats', seat],
      ['expiresAt', expiresAt],
    ],
  });
}
