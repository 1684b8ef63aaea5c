// 양도 결과: the sender hears that the recipient accepted (the ticket and its QR are theirs now),
// declined, or let the offer run out (either way the ticket stays the sender's). One template for
// the three outcomes: they differ only in their words.
import { createFormat } from '../../i18n/create-format';
import type { SeatLabelParts } from '../../i18n/format-seat-label';
import { getTranslator } from '../../i18n/get-translator';
import type { Locale } from '../../i18n/locales';
import type { NotificationContent } from '../notification-content';
import { composeNotice } from './compose-notice';

export type TransferAnsweredData = { toEmail: string; eventTitle: string; seat: SeatLabelParts };

function render(outcome: 'transferAccepted' | 'transferDeclined' | 'transferExpired') {
  return (data: TransferAnsweredData, locale: Locale): NotificationContent => {
    const t = getTranslator(locale, 'mail');
    const seat = createFormat(locale).seat(data.seat);
    return composeNotice(locale, {
      eventTitle: data.eventTitle,
      subject: t(`${outcome}.subject`),
      title: t(`${outcome}.title`, { event: data.eventTitle }),
      body: t(`${outcome}.body`, { recipient: data.toEmail, seat }),
      lead: t(`${outcome}.lead`),
      lines: [
        ['event', data.eventTitle],
        ['seats', seat],
        ['recipient', data.toEmail],
      ],
    });
  };
}

export const renderTransferAccepted = render('transferAccepted');
export const renderTransferDeclined = render('transferDeclined');
export const renderTransferExpired = render('transferExpired');
