// Copies the cancellation policy in force onto a reservation when the fan goes to pay. Only the
// first call writes: a fan who opens checkout again keeps the policy they were first shown, and
// a later change to the event's policy never reaches a booking already made.
import type { Db, Prisma } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import { CancellationPolicy, resolveCancellationPolicy } from './cancellation-policy';

export type SnapshotCancellationPolicyInput = {
  reservationId: string;
  /** The venue's zone when the caller knows it; the default zone otherwise. */
  timeZone?: string | null;
};

export async function snapshotCancellationPolicy(db: Db | Prisma.TransactionClient, input: SnapshotCancellationPolicyInput): Promise<CancellationPolicy> {
  const reservation = await db.reservation.findUnique({
    where: { id: input.reservationId },
    select: { cancellationPolicy: true, performance: { select: { event: { select: { genre: true, cancellationPolicy: true } } } } },
  });
  if (!reservation) throw notFound('Reservation');
  if (reservation.cancellationPolicy !== null) return CancellationPolicy.parse(reservation.cancellationPolicy);

  const { event } = reservation.performance;
  const policy = resolveCancellationPolicy({ genre: event.genre, override: event.cancellationPolicy, timeZone: input.timeZone });
  // Conditional on "still empty": two checkouts racing both read null, and the loser's write
  // must not replace the winner's copy.
  await db.$executeRaw`
    UPDATE ticket.reservations SET cancellation_policy = ${JSON.stringify(policy)}::jsonb
    WHERE id = ${input.reservationId}::uuid AND cancellation_policy IS NULL`;
  const stored = await db.reservation.findUniqueOrThrow({ where: { id: input.reservationId }, select: { cancellationPolicy: true } });
  return CancellationPolicy.parse(stored.cancellationPolicy);
}
