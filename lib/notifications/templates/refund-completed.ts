// 환불 완료: what was cancelled, the fee kept and the amount refunded.
import type { NotificationContent } from '../notification-content';
import { emailHtml, won } from './email-layout';

export type RefundCompletedData = {
  eventTitle: string;
  seats: string[];
  refundAmount: number;
  cancellationFee: number;
  reason: string;
};

export function renderRefundCompleted(data: RefundCompletedData): NotificationContent {
  const lines = [
    `공연: ${data.eventTitle}`,
    `취소 좌석: ${data.seats.join(', ')}`,
    `취소 수수료: ${won(data.cancellationFee)}`,
    `환불 금액: ${won(data.refundAmount)}`,
    `사유: ${data.reason}`,
  ];
  return {
    title: `환불되었습니다: ${data.eventTitle}`,
    body: `${data.seats.length}석 · 환불 ${won(data.refundAmount)}`,
    email: {
      subject: `[OpenSeat] 환불 안내 — ${data.eventTitle}`,
      text: ['예매가 취소되어 환불되었습니다. 카드사에 따라 3~7영업일이 걸릴 수 있습니다.', '', ...lines].join('\n'),
      html: emailHtml('예매가 취소되어 환불되었습니다. 카드사에 따라 3~7영업일이 걸릴 수 있습니다.', lines),
    },
  };
}
