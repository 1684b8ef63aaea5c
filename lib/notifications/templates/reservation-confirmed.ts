// 예매 확정 (receipt): sent when a paid reservation becomes CONFIRMED.
import type { NotificationContent } from '../notification-content';
import { emailHtml, won } from './email-layout';

export type ReservationConfirmedData = {
  eventTitle: string;
  /** Already formatted in the venue's time zone, e.g. `2027년 3월 1일 (월) 19:30`. */
  performanceAt: string;
  venueName: string;
  seats: string[];
  totalAmount: number;
  paymentMethod: string;
  reservationCode: string;
};

export function renderReservationConfirmed(data: ReservationConfirmedData): NotificationContent {
  const lines = [
    `공연: ${data.eventTitle}`,
    `일시: ${data.performanceAt}`,
    `장소: ${data.venueName}`,
    `좌석: ${data.seats.join(', ')}`,
    `결제 금액: ${won(data.totalAmount)} (${data.paymentMethod})`,
    `예매 번호: ${data.reservationCode}`,
  ];
  return {
    title: `예매가 확정되었습니다: ${data.eventTitle}`,
    body: `${data.performanceAt} · ${data.seats.length}석 · ${won(data.totalAmount)}`,
    email: {
      subject: `[OpenSeat] 예매 확정 안내 — ${data.eventTitle}`,
      text: ['예매가 확정되었습니다.', '', ...lines].join('\n'),
      html: emailHtml('예매가 확정되었습니다.', lines),
    },
  };
}
