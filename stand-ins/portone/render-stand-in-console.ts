// GET /__stand-in/: the demo's view of the stand-in — every payment (a deposit button on each
// issued virtual account) and the fault switches.
import type { Payment } from '@portone/server-sdk';
import { escapeHtml } from '../http-io';
import type { StandInFaults } from './stand-in-types';

export function renderStandInConsole(payments: Payment.Payment[], faults: StandInFaults): string {
  const rows = payments
    .map((p) => {
      if (!('id' in p)) return '';
      const deposit =
        p.status === 'VIRTUAL_ACCOUNT_ISSUED'
          ? `<form method="post" action="/__stand-in/console/payments/${encodeURIComponent(p.id)}/deposit"><button data-testid="deposit-${escapeHtml(p.id)}">입금하기</button></form>`
          : '';
      return `<tr><td>${escapeHtml(p.id)}</td><td>${escapeHtml(p.orderName)}</td><td>${p.amount.total.toLocaleString('ko-KR')}원</td><td>${escapeHtml(String(p.status))}</td><td>${escapeHtml(String(p.method?.type ?? ''))}</td><td>${deposit}</td></tr>`;
    })
    .join('\n');
  const switches = (Object.entries(faults) as Array<[keyof StandInFaults, boolean | number]>)
    .map(([name, value]) =>
      typeof value === 'boolean'
        ? `<label><input type="checkbox" name="${name}"${value ? ' checked' : ''}> ${name}</label>`
        : `<label>${name} <input type="number" name="${name}" value="${value}"></label>`,
    )
    .join('<br>\n');
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>PortOne stand-in</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}</style></head>
<body><h1>PortOne stand-in</h1>
<h2>결제</h2><table><thead><tr><th>paymentId</th><th>주문</th><th>금액</th><th>상태</th><th>수단</th><th></th></tr></thead><tbody>${rows}</tbody></table>
<h2>Faults</h2><form method="post" action="/__stand-in/console/faults">${switches}<br><button>적용</button></form>
</body></html>`;
}
