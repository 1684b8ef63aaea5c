// My reservations: newest first, with state, seats, amount and payment deadline.
import type { Metadata } from 'next';
import Link from 'next/link';
import { listMyReservations } from '../../../lib/reservations/list-my-reservations';
import { formatDateTime, formatKrw } from '../../../components/format';
import { ReservationStatus } from '../../../components/reservations/reservation-status';
import { db } from '../../_server/clients';
import { requireUserPage } from '../../_server/session';

export const metadata: Metadata = { title: 'My reservations' };

export default async function MyReservationsPage() {
  const caller = await requireUserPage('/me/reservations');
  const reservations = await listMyReservations(db(), caller.id);
  return (
    <section className="mx-auto max-w-2xl">
      <h1 className="mb-4 text-2xl font-bold">예매 내역 My reservations</h1>
      {reservations.length === 0 ? (
        <p className="text-zinc-600">No reservations yet.</p>
      ) : (
        <ul className="space-y-3" aria-label="Reservations">
          {reservations.map((r) => (
            <li key={r.id} className="rounded-lg border border-zinc-200 bg-white p-4 shadow-sm" data-testid="reservation-row">
              <div className="flex items-center justify-between gap-2">
                <Link href={`/me/reservations/${r.id}`} className="font-semibold underline">
                  {r.seats.map((s) => s.label).join(', ')}
                </Link>
                <ReservationStatus status={r.status} />
              </div>
              <p className="mt-1 text-sm text-zinc-600">
                {formatKrw(r.totalKrw)} · booked {formatDateTime(r.createdAt)}
                {r.status === 'PENDING' && ` · pay by ${formatDateTime(r.paymentDeadline)}`}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
