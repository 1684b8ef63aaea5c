// 티켓 양도 요청: someone offers the recipient a ticket; they accept or decline it before the deadline.
import type { NotificationContent } from '../notification-content';
import { emailHtml } from './email-layout';

export type TransferOfferedData = { fromName: string; eventTitle: string; performanceAt: string; seat: string; expiresAt: string };

export function renderTransferOffered(data: TransferOfferedData): NotificationContent {
  const lead = `${data.fromName}님이 티켓을 양도하려고 합니다. ${data.expiresAt}까지 OpenSeat의 받은 양도 페이지에서 수락하거나 거절해 주세요.`;
  const lines = [`공연: ${data.eventTitle}`, `일시: ${data.performanceAt}`, `좌석: ${data.seat}`, `응답 기한: ${data.expiresAt}`];
  return {
    title: `티켓 양도 요청: ${data.eventTitle}`,
    body: `${data.fromName}님 · ${data.seat} · ${data.expiresAt}까지`,
    email: { subject: `[OpenSeat] 티켓 양도 요청 — ${data.eventTitle}`, text: [lead, '', ...lines].join('\n'), html: emailHtml(lead, lines) },
  };
}
