// 가상계좌 발급 안내: the bank, the account and the deadline by which to deposit.
import type { NotificationContent } from '../notification-content';
import { emailHtml, won } from './email-layout';

export type VirtualAccountIssuedData = {
  eventTitle: string;
  bankName: string;
  accountNumber: string;
  accountHolder: string;
  amount: number;
  /** Already formatted in the venue's time zone. */
  depositDeadline: string;
};

export function renderVirtualAccountIssued(data: VirtualAccountIssuedData): NotificationContent {
  const lines = [
    `공연: ${data.eventTitle}`,
    `입금 은행: ${data.bankName}`,
    `계좌 번호: ${data.accountNumber}`,
    `예금주: ${data.accountHolder}`,
    `입금 금액: ${won(data.amount)}`,
    `입금 기한: ${data.depositDeadline}`,
  ];
  return {
    title: `입금 대기 중: ${data.eventTitle}`,
    body: `${data.bankName} ${data.accountNumber} · ${won(data.amount)} · ${data.depositDeadline}까지`,
    email: {
      subject: `[OpenSeat] 가상계좌 입금 안내 — ${data.eventTitle}`,
      text: ['아래 계좌로 기한 내에 입금하시면 예매가 확정됩니다. 기한이 지나면 예매가 취소됩니다.', '', ...lines].join('\n'),
      html: emailHtml('아래 계좌로 기한 내에 입금하시면 예매가 확정됩니다. 기한이 지나면 예매가 취소됩니다.', lines),
    },
  };
}
