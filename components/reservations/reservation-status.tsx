// A reservation's state as a badge: 결제 대기 (pending), 입금 대기, 예매 완료, 취소, 만료, 환불.
import { useTranslations } from 'next-intl';
import type { ReservationView } from '../../lib/reservations/reservation-view';

const TONES: Record<ReservationView['status'], string> = {
  PENDING: 'bg-amber-100 text-amber-900',
  AWAITING_DEPOSIT: 'bg-amber-100 text-amber-900',
  CONFIRMED: 'bg-emerald-100 text-emerald-900',
  CANCELLED: 'bg-zinc-200 text-zinc-800',
  EXPIRED: 'bg-zinc-200 text-zinc-800',
  REFUNDED: 'bg-sky-100 text-sky-900',
};

export function ReservationStatus({ status }: { status: ReservationView['status'] }) {
  const t = useTranslations('reservations.status');
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${TONES[status]}`} data-testid="reservation-status" data-status={status}>
      {t(status)}
    </span>
  );
}
