// One of my reservations: seats, amount, state, payment deadline; a PENDING one can be paid or
// cancelled, one awaiting its deposit shows the virtual account.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { bankName } from '../../../../components/payments/bank-name';
import { AppError } from '../../../../lib/errors/app-error';
import { findReservationPayment } from '../../../../lib/payments/find-reservation-payment';
import { getReservation } from '../../../../lib/reservations/get-reservation';
import { CancelBookingPanel } from '../../../../components/reservations/cancel-booking-panel';
import { CancelReservationButton } from '../../../../components/reservations/cancel-reservation-button';
import { ReservationStatus } from '../../../../components/reservations/reservation-status';
import { db } from '../../../_server/clients';
import { getFormat } from '../../../_server/get-format';
import { requireUserPage } from '../../../_server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reservations'))('detailTitle') };
}

export default async function ReservationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const caller = await requireUserPage(`/me/reservations/${id}`);
  const reservation = await getReservation(db(), { reservationId: id, userId: caller.id }).catch((error) => {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  });
  const [t, tp, tm, format, payment] = await Promise.all([
    getTranslations('reservations'),
    getTranslations('payments'),
    getTranslations('mail'),
    getFormat(),
    findReservationPayment(db(), { reservationId: reservation.id, userId: caller.id }),
  ]);
  const account = reservation.status === 'AWAITING_DEPOSIT' ? payment?.virtualAccount : null;
  return (
    <section className="mx-auto max-w-xl">
      <p className="text-sm">
        <Link href="/me/reservations" className="text-zinc-600 underline">
          ← {t('title')}
        </Link>
      </p>
      <div className="mt-3 flex items-center gap-3">
        <h1 className="text-2xl font-bold">{t('detailTitle')}</h1>
        <ReservationStatus status={reservation.status} />
      </div>
      <table className="mt-4 w-full text-sm">
        <tbody>
          {reservation.seats.map((seat) => (
            <tr key={seat.id} className="border-b border-zinc-100">
              <td className="py-2" data-testid="reserved-seat">
                {format.seat(seat)}
              </td>
              <td className="py-2 text-zinc-600">{seat.grade}</td>
              <td className="py-2 text-right tabular-nums">{format.krw(seat.priceKrw)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td className="pt-3 font-semibold" colSpan={2}>
              {t('total')}
            </td>
            <td className="pt-3 text-right font-semibold tabular-nums" data-testid="reservation-total">
              {format.krw(reservation.totalKrw)}
            </td>
          </tr>
        </tfoot>
      </table>
      {reservation.status === 'PENDING' && (
        <div className="mt-6 space-y-3">
          <p className="text-sm text-zinc-700">
            {t('payByLong', { time: format.dateTime(reservation.paymentDeadline, reservation.timeZone) })}
          </p>
          {payment?.status === 'FAILED' && (
            <p role="alert" className="text-sm text-rose-700">
              {tp('lastPaymentFailed', { reason: payment.failureReason ?? '' })}
            </p>
          )}
          <Link href={`/me/reservations/${reservation.id}/checkout`} className="inline-block rounded bg-zinc-900 px-4 py-2 font-semibold text-white" data-testid="pay-now">
            {tp('payNow')}
          </Link>
          <CancelReservationButton reservationId={reservation.id} />
        </div>
      )}
      {reservation.status === 'CONFIRMED' && <CancelBookingPanel reservationId={reservation.id} />}
      {account && payment && (
        <section className="mt-6">
          <h2 className="font-semibold">{tp('awaitingDepositTitle')}</h2>
          <dl className="mt-2 grid grid-cols-2 gap-1 text-sm" data-testid="virtual-account">
            <dt>{tp('bank')}</dt>
            <dd>{bankName(tm, account.bank)}</dd>
            <dt>{tp('accountNumber')}</dt>
            <dd className="tabular-nums">{account.accountNumber}</dd>
            <dt>{tp('accountHolder')}</dt>
            <dd>{account.holder}</dd>
            <dt>{tp('amount')}</dt>
            <dd className="tabular-nums">{format.krw(payment.amountKrw)}</dd>
            <dt>{tp('depositBy')}</dt>
            <dd>{account.dueAt ? format.dateTime(account.dueAt, reservation.timeZone) : ''}</dd>
          </dl>
        </section>
      )}
    </section>
  );
}
