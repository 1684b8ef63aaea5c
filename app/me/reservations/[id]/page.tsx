// One of my reservations: seats, amount, state, payment deadline; a PENDING one can be paid or
// cancelled, one awaiting its deposit shows the virtual account.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AppError } from '../../../../lib/errors/app-error';
import { findReservationPayment } from '../../../../lib/payments/find-reservation-payment';
import { getReservation } from '../../../../lib/reservations/get-reservation';
import { getTranslations } from 'next-intl/server';
import { formatDateTime, formatKrw } from '../../../../components/format';
import { CancelReservationButton } from '../../../../components/reservations/cancel-reservation-button';
import { ReservationStatus } from '../../../../components/reservations/reservation-status';
import { db } from '../../../_server/clients';
import { requireUserPage } from '../../../_server/session';

export const metadata: Metadata = { title: 'Reservation' };

export default async function ReservationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requireUserPage(`/me/reservations/${id}`);
  const reservation = await getReservation(db(), { reservationId: id, userId: caller.id }).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [payment, t] = await Promise.all([findReservationPayment(db(), { reservationId: reservation.id, userId: caller.id }), getTranslations('payments')]);
  const account = reservation.status === 'AWAITING_DEPOSIT' ? payment?.virtualAccount : null;
  return (
    <section className="mx-auto max-w-xl">
      <p className="text-sm">
        <Link href="/me/reservations" className="text-zinc-600 underline">
          ← 예매 내역 My reservations
        </Link>
      </p>
      <div className="mt-3 flex items-center gap-3">
        <h1 className="text-2xl font-bold">예매 Reservation</h1>
        <ReservationStatus status={reservation.status} />
      </div>
      <table className="mt-4 w-full text-sm">
        <tbody>
          {reservation.seats.map((seat) => (
            <tr key={seat.id} className="border-b border-zinc-100">
              <td className="py-2" data-testid="reserved-seat">
                {seat.label}
              </td>
              <td className="py-2 text-zinc-500">{seat.grade}</td>
              <td className="py-2 text-right tabular-nums">{formatKrw(seat.priceKrw)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td className="pt-3 font-semibold" colSpan={2}>
              합계 Total
            </td>
            <td className="pt-3 text-right font-semibold tabular-nums" data-testid="reservation-total">
              {formatKrw(reservation.totalKrw)}
            </td>
          </tr>
        </tfoot>
      </table>
      {reservation.status === 'PENDING' && (
        <div className="mt-6 space-y-3">
          <p className="text-sm text-zinc-700">
            결제 기한 Pay by <time dateTime={reservation.paymentDeadline}>{formatDateTime(reservation.paymentDeadline)}</time>; unpaid reservations expire and the seats go back on sale.
          </p>
          {payment?.status === 'FAILED' && (
            <p role="alert" className="text-sm text-rose-700">
              {t('lastPaymentFailed', { reason: payment.failureReason ?? '' })}
            </p>
          )}
          <Link href={`/me/reservations/${reservation.id}/checkout`} className="inline-block rounded bg-zinc-900 px-4 py-2 font-semibold text-white" data-testid="pay-now">
            {t('payNow')}
          </Link>
          <CancelReservationButton reservationId={reservation.id} />
        </div>
      )}
      {account && payment && (
        <section className="mt-6">
          <h2 className="font-semibold">{t('awaitingDepositTitle')}</h2>
          <dl className="mt-2 grid grid-cols-2 gap-1 text-sm" data-testid="virtual-account">
            <dt>{t('bank')}</dt>
            <dd>{account.bank}</dd>
            <dt>{t('accountNumber')}</dt>
            <dd className="tabular-nums">{account.accountNumber}</dd>
            <dt>{t('accountHolder')}</dt>
            <dd>{account.holder}</dd>
            <dt>{t('amount')}</dt>
            <dd className="tabular-nums">{formatKrw(payment.amountKrw)}</dd>
            <dt>{t('depositBy')}</dt>
            <dd>{account.dueAt ? formatDateTime(account.dueAt) : ''}</dd>
          </dl>
        </section>
      )}
    </section>
  );
}
