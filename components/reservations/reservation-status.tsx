// A reservation's state as a badge: 결제 대기 (pending), 입금 대기, 예매 완료, 취소, 만료, 환불.
import type { ReservationView } from '../../lib/reservations/reservation-view';

const LABELS: Record<ReservationView['status'], [string, string]> = {
  PENDING: ['결제 대기 Awaiting payment', 'bg-amber-100 text-amber-800'],
  AWAITING_DEPOSIT: ['입금 대기 Awaiting deposit', 'bg-amber-100 text-amber-800'],
  CONFIRMED: ['예매 완료 Confirmed', 'bg-emerald-100 text-emerald-800'],
  CANCELLED: ['취소 Cancelled', 'bg-zinc-200 text-zinc-700'],
  EXPIRED: ['만료 Expired', 'bg-zinc-200 text-zinc-700'],
  REFUNDED: ['환불 Refunded', 'bg-sky-100 text-sky-800'],
};

export function ReservationStatus({ status }: { status: ReservationView['status'] }) {
  const [label, style] = LABELS[status];
  return (
    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${style}`} data-testid="reservation-status">
      {label}
    </span>
  );
}
