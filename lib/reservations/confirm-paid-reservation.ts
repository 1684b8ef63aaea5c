// The reservations side of a settled payment: inside the consumer's transaction (which also
// records the event id in processed_events), the reservation becomes CONFIRMED, each of its seats
// gets its ticket, and `reservation.confirmed` joins the outbox. Settling locked the reservation while it was still
// PENDING or AWAITING_DEPOSIT, and the expiry loops skip a reservation with a PAID payment, so
// the guard below never meets an ended reservation; a redelivered event finds it CONFIRMED.
import type { Prisma } from '../db/create-prisma';
import { appendEvent } from '../events/append-event';
import type { EventPayload } from '../events/catalog';
import { issueTickets } from '../tickets/issue-tickets';

export async function confirmPaidReservation(tx: Prisma.TransactionClient, settled: EventPayload<'payment.settled'>, now = new Date()): Promise<boolean> {
  if (!settled.reservationId) return false;
  const [row] = await tx.$queryRaw<{ id: string; user_id: string; performance_id: string }[]>`
    UPDATE ticket.reservations SET status = 'CONFIRMED', confirmed_at = ${now}, updated_at = ${now}
     WHERE id = ${settled.reservationId}::uuid AND status IN ('PENDING', 'AWAITING_DEPOSIT')
     RETURNING id, user_id, performance_id`;
  if (!row) return false;
  await issueTickets(tx, { id: row.id, userId: row.user_id }, now);
  await appendEvent(tx, {
    type: 'reservation.confirmed',
    aggregateId: row.id,
    payload: { reservationId: row.id, userId: row.user_id, performanceId: row.performance_id, paymentId: settled.paymentId, totalKrw: settled.amountKrw },
  });
  return true;
}
