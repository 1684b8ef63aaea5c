// The mailbox page of the local SMTP server: newest first, each message openable.
import { escapeHtml } from '../http-io';
import type { ReceivedMail } from './start-smtp-stand-in';

export function renderMailboxPage(mails: ReceivedMail[], to: string | undefined): string {
  const rows = mails
    .map(
      (m) =>
        `<tr data-testid="mail"><td>${escapeHtml(m.receivedAt)}</td><td>${escapeHtml(m.to.join(', '))}</td>` +
        `<td><a href="/messages/${m.id}">${escapeHtml(m.subject)}</a></td></tr>`,
    )
    .join('\n');
  return page(
    `Mailbox${to ? ` — ${to}` : ''}`,
    `<form><input name="to" placeholder="받는 사람" value="${escapeHtml(to ?? '')}"><button>보기</button></form>
<table><thead><tr><th>받은 시각</th><th>받는 사람</th><th>제목</th></tr></thead><tbody>${rows}</tbody></table>
<p>${mails.length}통 · <a href="/mailbox.json${to ? `?to=${encodeURIComponent(to)}` : ''}">JSON</a></p>`,
  );
}

export function renderMessagePage(mail: ReceivedMail): string {
  const body = mail.html
    ? `<iframe sandbox title="본문" srcdoc="${escapeHtml(mail.html)}" style="width:100%;height:60vh;border:1px solid #ccc"></iframe>`
    : `<pre>${escapeHtml(mail.text)}</pre>`;
  return page(
    mail.subject,
    `<p><a href="/">← 받은 편지함</a></p><dl><dt>보낸 사람</dt><dd>${escapeHtml(mail.from)}</dd><dt>받는 사람</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>
<dt>제목</dt><dd data-testid="subject">${escapeHtml(mail.subject)}</dd></dl>${body}`,
  );
}

function page(title: string, body: string): string {
  return `<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse}td,th{padding:.25rem .75rem;border-bottom:1px solid #ddd;text-align:left}</style>
</head><body><h1>${escapeHtml(title)}</h1>${body}</body></html>`;
}
