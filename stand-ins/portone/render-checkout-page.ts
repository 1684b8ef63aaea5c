// The page that plays PortOne's payment window: pick a method, then pay, be declined or close
// the window. Korean, like the real window; every control has a stable test id.
import type { Payment } from '@portone/server-sdk';
import { escapeHtml } from '../http-io';
import type { CheckoutMethod, CheckoutRequest } from './stand-in-types';

const METHOD_LABELS: Record<CheckoutMethod, string> = {
  card: '신용·체크카드',
  kakaopay: '카카오페이',
  naverpay: '네이버페이',
  tosspay: '토스페이',
  virtual_account: '가상계좌 (무통장입금)',
};
const METHODS_BY_PAY_METHOD: Record<NonNullable<CheckoutRequest['payMethod']>, CheckoutMethod[]> = {
  CARD: ['card'],
  EASY_PAY: ['kakaopay', 'naverpay', 'tosspay'],
  VIRTUAL_ACCOUNT: ['virtual_account'],
};

export function renderCheckoutPage(payment: Payment.Payment & { status: 'READY' }, request: CheckoutRequest, query: string): string {
  const methods = request.payMethod ? METHODS_BY_PAY_METHOD[request.payMethod] : (Object.keys(METHOD_LABELS) as CheckoutMethod[]);
  const options = methods
    .map(
      (method, index) =>
        `<label><input type="radio" name="method" value="${method}" data-testid="method-${method}"${index === 0 ? ' checked' : ''}> ${METHOD_LABELS[method]}</label>`,
    )
    .join('\n');
  return page(
    'PortOne 결제 (stand-in)',
    `<h1>결제하기</h1>
<p data-testid="order-name">${escapeHtml(payment.orderName)}</p>
<p>결제 금액 <strong data-testid="amount">${payment.amount.total.toLocaleString('ko-KR')}원</strong></p>
<form method="post" action="?${escapeHtml(query)}">
<fieldset><legend>결제 수단</legend>
${options}
</fieldset>
<button type="submit" name="outcome" value="paid" data-testid="pay">결제하기</button>
<button type="submit" name="outcome" value="declined" data-testid="decline">승인 거절 (테스트)</button>
<button type="submit" name="outcome" value="user_cancelled" data-testid="cancel">결제창 닫기</button>
</form>`,
  );
}

export function renderCheckoutResult(title: string, lines: Record<string, string | undefined>): string {
  const rows = Object.entries(lines)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `<dt>${escapeHtml(key)}</dt><dd data-testid="${escapeHtml(key)}">${escapeHtml(value!)}</dd>`)
    .join('\n');
  return page(title, `<h1>${escapeHtml(title)}</h1><dl>${rows}</dl>`);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem}
fieldset{display:grid;gap:.5rem;margin:1rem 0}button{display:block;width:100%;margin:.5rem 0;padding:.75rem;font-size:1rem}
dt{font-weight:bold}dd{margin:0 0 .5rem}</style></head>
<body>${body}</body></html>`;
}
