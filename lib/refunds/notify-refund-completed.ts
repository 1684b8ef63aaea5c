// Tells the fan their money is on its way back, in the app and by email. notifyUser keys the
// notice on (fan, kind, refund id), so the cancel request and the payments role's sweep
// (notify-completed-refunds.ts) may both call this and the fan hears it once.
import type { Db } from '../db/create-prisma';
import type { Mailer } from '../mail/create-mailer';
import { notifyUser } from '../notifications/notify-user';

export async function notifyRefundCompleted(deps: { db: Db; mailer?: Mailer }, refundId: string, now: Date): Promise<void> {
  const refund = await deps.db.refund.findUniqueOrThrow({
    where: { id: refundId },
    include: { payment: { select: { userId: true, reservation: { select: { id: true, performance: { select: { event: { select: { title: true } } } } } } } } },
  });
  if (refund.status !== 'SUCCEEDED') return;
  const items = await deps.db.reservationItem.findMany({
    where: { id: { in: refund.reservationItemIds } },
    include: { seat: { include: { section: { select: { name: true } } } } },
    orderBy: { seat: { ordinal: 'asc' } },
  });
  const reservation = refund.payment.reservation;
  await notifyUser(
    { db: deps.db, mailer: deps.mailer, now },
    {
      userId: refund.payment.userId,
      kind: 'refund.completed',
      subjectId: refund.id,
      data: {
        eventTitle: reservation?.performance.event.title ?? '',
        seats: items.map(({ seat }) => ({ section: seat.section.name, row: seat.rowLabel, number: seat.number })),
        refundAmount: refund.amountKrw,
        cancellationFee: refund.feeKrw,
        initiator: refund.initiator,
        note: refund.reason,
      },
      link: reservation ? `/me/reservations/${reservation.id}` : undefined,
    },
  );
}
