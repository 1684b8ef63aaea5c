// Display formats for Korean audiences: KRW amounts and Asia/Seoul times.
const krw = new Intl.NumberFormat('ko-KR', { style: 'currency', currency: 'KRW' });
const dateTime = new Intl.DateTimeFormat('ko-KR', {
  timeZone: 'Asia/Seoul',
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  weekday: 'short',
  hour: '2-digit',
  minute: '2-digit',
});

export const formatKrw = (amount: number) => krw.format(amount);
export const formatDateTime = (iso: string | Date) => dateTime.format(typeof iso === 'string' ? new Date(iso) : iso);
