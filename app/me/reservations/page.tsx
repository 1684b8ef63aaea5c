// My reservations: newest first, with state, seats, amount and payment deadline.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { listMyReservations } from '../../../lib/reservations/list-my-reservations';
import { ReservationStatus } from '../../../components/reservations/reservation-status';
import { db } from '../../_server/clients';
import { getFormat } from '../../_server/get-format';
import { requireUserPage } from '../../_server/session';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('reservations'))('title') };
}

export default async function MyReservationsPage() {
  const caller = await requireUserPage('/me/reservations');
  const [reservations, t, format] = await Promise.all([listMyReservations(db(), caller.id), getTranslations('reservations'), getFormat()]);
  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">{t('title')}</h1>
      {reservations.length === 0 ? (
        <p className="text-zinc-600">{t('empty')}</p>
      ) : (
        <ul className="space-y-3" aria-label={t('listLabel')}>
          {reservations.map((r) => (
            <li key={r.id} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid="reservation-row">
              <div className="flex items-center justify-between gap-2">
                <Link href={`/me/reservations/${r.id}`} className="font-semibold underline">
                  {r.seats.map((s) => format.seat(s)).join(', ')}
                </Link>
                <ReservationStatus status={r.status} />
              </div>
              <p className="mt-1 text-sm text-zinc-600">
                {t('booked', { amount: format.krw(r.totalKrw), time: format.dateTime(r.createdAt, r.timeZone) })}
                {r.status === 'PENDING' && t('payBy', { time: format.dateTime(r.paymentDeadline, r.timeZone, 'short') })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
