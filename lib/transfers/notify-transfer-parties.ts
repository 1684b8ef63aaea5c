// Tells the other party of a transfer what happened, in the app and by email (the one
// notification channel): the recipient of a new offer; the sender of an acceptance, a refusal or
// an offer that ran out unanswered.
// The reservations role calls it for each transfer event; notifyUser keys every notice on
// (user, kind, transfer id), so a redelivered event tells nobody twice.
import type { EventEnvelope } from '../events/catalog';
import { notifyUser, type NotifyUserDeps } from '../notifications/notify-user';

export type TransferNoticeEvent = EventEnvelope<'transfer.offered' | 'transfer.completed' | 'transfer.declined' | 'transfer.expired'>;

const SENDER_NOTICES = { 'transfer.completed': 'transfer.accepted', 'transfer.declined': 'transfer.declined', 'transfer.expired': 'transfer.expired' } as const;

export async function notifyTransferParties(deps: NotifyUserDeps, event: TransferNoticeEvent): Promise<void> {
  const { transferId } = event.payload;
  const transfer = await deps.db.ticketTransfer.findUniqueOrThrow({
    where: { id: transferId },
    select: {
      fromUserId: true,
      toEmail: true,
      expiresAt: true,
      fromUser: { select: { name: true, email: true } },
      ticket: {
        select: {
          id: true,
          ownerId: true,
          status: true,
          seat: { select: { rowLabel: true, number: true, section: { select: { name: true } } } },
          performance: { select: { startsAt: true, event: { select: { title: true } }, hall: { select: { venue: { select: { timeZone: true } } } } } },
        },
      },
    },
  });
  const { ticket } = transfer;
  const timeZone = ticket.performance.hall.venue.timeZone;
  const facts = {
    eventTitle: ticket.performance.event.title,
    seat: { section: ticket.seat.section.name, row: ticket.seat.rowLabel, number: ticket.seat.number },
  };
  if (event.type === 'transfer.offered') {
    await notifyUser(deps, {
      userId: event.payload.toUserId,
      kind: 'transfer.offered',
      subjectId: transferId,
      link: '/transfers',
      data: {
        ...facts,
        fromName: transfer.fromUser.name ?? transfer.fromUser.email ?? 'OpenSeat',
        performanceAt: ticket.performance.startsAt.toISOString(),
        expiresAt: transfer.expiresAt.toISOString(),
        timeZone,
      },
    });
    return;
  }
  // An offer ended because the sender's ticket was refunded or cancelled: "it stays yours" would be wrong.
  if (event.type === 'transfer.expired' && (ticket.status !== 'ISSUED' || ticket.ownerId !== transfer.fromUserId)) return;
  await notifyUser(deps, {
    userId: transfer.fromUserId,
    kind: SENDER_NOTICES[event.type],
    subjectId: transferId,
    // An accepted ticket is no longer the sender's to open: the notice leads nowhere.
    link: event.type === 'transfer.completed' ? undefined : `/tickets/${ticket.id}/transfer`,
    data: { ...facts, toEmail: transfer.toEmail },
  });
}
