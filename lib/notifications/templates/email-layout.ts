// The one HTML shell every notice email shares, and KRW formatting.
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export const won = (amount: number) => `${amount.toLocaleString('ko-KR')}원`;

export function emailHtml(lead: string, lines: string[]): string {
  return `<!doctype html><html lang="ko"><body style="font-family:sans-serif">
<p>${escape(lead)}</p>
<ul>${lines.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>
<p style="color:#666">OpenSeat</p></body></html>`;
}
