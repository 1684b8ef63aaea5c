// 결제 취소 안내: a payment we did not keep — refunded at PortOne (a wrong amount, seats that were
// no longer held) or refused before capture (manual confirm after the deadline) — and why.
import type { NotificationContent } from '../notification-content';
import { emailHtml, won } from './email-layout';

export type PaymentNotTakenData = {
  eventTitle: string;
  reason: string;
  /** 0 when nothing was captured. */
  refundedAmount: number;
};

export function renderPaymentNotTaken(data: PaymentNotTakenData): NotificationContent {
  const lead = data.refundedAmount > 0 ? '결제가 취소되어 결제 금액이 환불됩니다.' : '결제가 승인되지 않아 금액이 청구되지 않았습니다.';
  const lines = [`공연: ${data.eventTitle}`, `사유: ${data.reason}`, ...(data.refundedAmount > 0 ? [`환불 금액: ${won(data.refundedAmount)}`] : [])];
  return {
    title: `결제가 취소되었습니다: ${data.eventTitle}`,
    body: data.refundedAmount > 0 ? `${won(data.refundedAmount)} 환불 · ${data.reason}` : data.reason,
    email: { subject: `[OpenSeat] 결제 취소 안내 — ${data.eventTitle}`, text: [lead, '', ...lines].join('\n'), html: emailHtml(lead, lines) },
  };
}
