// 양도 결과: the sender hears that the recipient accepted (the ticket and its QR are theirs now),
// declined, or let the offer run out (either way the ticket stays the sender's).
import type { NotificationContent } from '../notification-content';
import { emailHtml } from './email-layout';

export type TransferAnsweredData = { toEmail: string; eventTitle: string; seat: string };

function render(outcome: '수락' | '거절' | '만료', lead: string) {
  return (data: TransferAnsweredData): NotificationContent => {
    const lines = [`공연: ${data.eventTitle}`, `좌석: ${data.seat}`, `받는 분: ${data.toEmail}`];
    return {
      title: outcome === '만료' ? `양도 기한이 지났습니다: ${data.eventTitle}` : `양도가 ${outcome}되었습니다: ${data.eventTitle}`,
      body: `${data.toEmail} · ${data.seat}`,
      email: { subject: `[OpenSeat] 양도 ${outcome} 안내 — ${data.eventTitle}`, text: [lead, '', ...lines].join('\n'), html: emailHtml(lead, lines) },
    };
  };
}

export const renderTransferAccepted = render('수락', '받는 분이 양도를 수락했습니다. 이 티켓과 기존 QR 코드는 더 이상 사용할 수 없습니다.');
export const renderTransferDeclined = render('거절', '받는 분이 양도를 거절했습니다. 티켓은 그대로 회원님의 것입니다.');
export const renderTransferExpired = render('만료', '받는 분이 기한까지 응답하지 않아 양도 요청이 끝났습니다. 티켓은 그대로 회원님의 것입니다.');
