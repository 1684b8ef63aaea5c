// Payment cancelled: a payment we did not keep — refunded at PortOne (a wrong amount, seats that
// were no longer held) or refused before capture (manual confirm after the deadline) — and why.
import { createFormat } from '../../i18n/create-format';
import { getTranslator } from '../../i18n/get-translator';
import type { Locale } from '../../i18n/locales';
import type { NotificationContent } from '../notification-content';
import { composeNotice } from './compose-notice';

export type PaymentNotTakenData = {
  eventTitle: string;
  /** Why, as the payments side records it for support (English, not shown as is). */
  reason: string;
  /** 0 when nothing was captured. */
  refundedAmount: number;
};

/**
 * The fan reads one of a few sentences, not the payments side's record: it names internals
 * ("another payment is live for this reservation") and is English only.
 */
function reasonKind(reason: string): 'deadline' | 'seats' | 'mismatch' | 'other' {
  if (/deadline/i.test(reason)) return 'deadline';
  if (/seat|hold/i.test(reason)) return 'seats';
  if (/mismatch|belongs to|another payment|not a reservation|not offered/i.test(reason)) return 'mismatch';
  return 'other';
}

export function renderPaymentNotTaken(data: PaymentNotTakenData, locale: Locale): NotificationContent {
  const t = getTranslator(locale, 'mail');
  const format = createFormat(locale);
  const refunded = data.refundedAmount > 0;
  const reason = t(`paymentNotTaken.reasons.${reasonKind(data.reason)}`);
  const amount = format.krw(data.refundedAmount);
  return composeNotice(locale, {
    eventTitle: data.eventTitle,
    subject: t('paymentNotTaken.subject'),
    title: t('paymentNotTaken.title', { event: data.eventTitle }),
    body: refunded ? t('paymentNotTaken.bodyRefunded', { amount, reason }) : reason,
    lead: refunded ? t('paymentNotTaken.leadRefunded') : t('paymentNotTaken.leadNotCharged'),
    lines: [['event', data.eventTitle], ['reason', reason], ...(refunded ? [['refundAmount', amount] as ['refundAmount', string]] : [])],
  });
}
