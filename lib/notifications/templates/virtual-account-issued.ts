// Virtual account details: the bank, the account and the deadline by which to deposit.
import { createFormat } from '../../i18n/create-format';
import { getTranslator } from '../../i18n/get-translator';
import type { Locale } from '../../i18n/locales';
import type { NotificationContent } from '../notification-content';
import { bankName } from './bank-name';
import { composeNotice } from './compose-notice';
import { venueTime } from './venue-time';

export type VirtualAccountIssuedData = {
  eventTitle: string;
  /** PortOne's `Bank` code (`SHINHAN`, `KOOKMIN`, …). */
  bank: string;
  accountNumber: string;
  accountHolder: string;
  amount: number;
  /** ISO instant, shown on the venue's clock (`timeZone`). */
  depositDeadline: string;
  timeZone: string;
};

export function renderVirtualAccountIssued(data: VirtualAccountIssuedData, locale: Locale): NotificationContent {
  const t = getTranslator(locale, 'mail');
  const format = createFormat(locale);
  const bank = bankName(t, data.bank);
  const amount = format.krw(data.amount);
  const deadline = venueTime(t, format, data.depositDeadline, data.timeZone);
  return composeNotice(locale, {
    eventTitle: data.eventTitle,
    subject: t('virtualAccountIssued.subject'),
    title: t('virtualAccountIssued.title', { event: data.eventTitle }),
    body: t('virtualAccountIssued.body', { bank, accountNumber: data.accountNumber, amount, deadline }),
    lead: t('virtualAccountIssued.lead'),
    lines: [
      ['event', data.eventTitle],
      ['bank', bank],
      ['accountNumber', data.accountNumber],
      ['accountHolder', data.accountHolder],
      ['depositAmount', amount],
      ['depositDeadline', deadline],
    ],
  });
}
