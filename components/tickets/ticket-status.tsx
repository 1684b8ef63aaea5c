// A ticket's state as a badge: 사용 가능, 입장 완료, 취소됨, 환불됨.
import { useTranslations } from 'next-intl';
import type { TicketStatus as Status } from '../../lib/tickets/ticket-view';

const TONES: Record<Status, string> = {
  ISSUED: 'bg-emerald-100 text-emerald-900',
  USED: 'bg-zinc-200 text-zinc-800',
  CANCELLED: 'bg-zinc-200 text-zinc-800',
  REFUNDED: 'bg-sky-100 text-sky-900',
};

export function TicketStatus({ status }: { status: Status }) {
  const t = useTranslations('tickets.status');
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${TONES[status]}`} data-testid="ticket-status" data-status={status}>
      {t(status)}
    </span>
  );
}
