// Refund completed: what was cancelled, the fee kept and the amount refunded.
import { createFormat } from '../../i18n/create-format';
import { getTranslator } from '../../i18n/get-translator';
import type { SeatLabelParts } from '../../i18n/format-seat-label';
import type { Locale } from '../../i18n/locales';
import type { NotificationContent } from '../notification-content';
import { composeNotice } from './compose-notice';

export type RefundCompletedData = {
  eventTitle: string;
  seats: SeatLabelParts[];
  refundAmount: number;
  cancellationFee: number;
  /** Who cancelled: the fan, the organiser (a cancelled show) or the box office. */
  initiator: 'FAN' | 'ORGANISER' | 'ADMIN';
  /** The organiser's or box office's own words, shown as they typed them. */
  note: string;
};

export function renderRefundCompleted(data: RefundCompletedData, locale: Locale): NotificationContent {
  const t = getTranslator(locale, 'mail');
  const format = createFormat(locale);
  const amount = format.krw(data.refundAmount);
  return composeNotice(locale, {
    eventTitle: data.eventTitle,
    subject: t('refundCompleted.subject'),
    title: t('refundCompleted.title', { event: data.eventTitle }),
    body: t('refundCompleted.body', { count: data.seats.length, amount }),
    lead: t('refundCompleted.lead'),
    lines: [
      ['event', data.eventTitle],
      ['cancelledSeats', data.seats.map(format.seat).join(', ')],
      ['cancellationFee', format.krw(data.cancellationFee)],
      ['refundAmount', amount],
      ['reason', t(`refundCompleted.reasons.${data.initiator}`, { note: data.note })],
    ],
  });
}
