// The `reservations` role: frees holds whose time ran out and expires unpaid reservations, so
// seats return to the map within about a second either way; confirms reservations whose payment
// settled; and from every reservation event it brings that reservation's seats on the map in line
// with PostgreSQL, which makes the map converge whatever stopped the writer between its commit and
// its own Redis step. It also expires ticket transfer offers past their deadline and tells each
// transfer's other party what happened (offered → recipient; accepted, declined, expired → sender).
import { expireDueHolds } from '../../lib/holds/expire-due-holds';
import { confirmPaidReservation } from '../../lib/reservations/confirm-paid-reservation';
import { convergeSeatMap } from '../../lib/reservations/converge-seat-map';
import { expireOverdueReservations } from '../../lib/reservations/expire-overdue-reservations';
import { expireTicketTransfers } from '../../lib/transfers/expire-ticket-transfers';
import { notifyTransferParties } from '../../lib/transfers/notify-transfer-parties';
import type { EventHandler } from '../runtime/start-consumer';
import { defineLoopRole } from './define-loop-role';

const EXPIRY_BATCH = 200;

// The notice is written through the pool, not the consumer's transaction: it may send an email,
// and notifyUser's own (user, kind, transfer) key keeps a redelivery from telling anyone twice.
const notifyOn: EventHandler<'transfer.offered' | 'transfer.completed' | 'transfer.declined' | 'transfer.expired'> = async (event, _tx, ctx) => {
  await notifyTransferParties({ db: ctx.db, mailer: ctx.mailer, now: new Date() }, event);
};

const convergeOn: EventHandler<'reservation.created' | 'reservation.expired' | 'reservation.cancelled'> = async (event, tx, ctx) => {
  await convergeSeatMap({ db: tx, redis: ctx.redis }, event.payload);
};

export const reservationsRole = defineLoopRole(
  'reservations',
  [
    { name: 'expire-holds', intervalMs: () => 1_000, tick: (ctx) => expireDueHolds(ctx.redis).then(() => undefined) },
    {
      name: 'expire-reservations',
      intervalMs: () => 1_000,
      tick: async (ctx) => {
        // Drain a backlog (after downtime) in batches without waiting a second between them.
        while ((await expireOverdueReservations(ctx, new Date(), EXPIRY_BATCH)) === EXPIRY_BATCH);
      },
    },
    {
      name: 'expire-transfers',
      intervalMs: () => 5_000,
      tick: async (ctx) => {
        while ((await expireTicketTransfers(ctx.db, new Date(), EXPIRY_BATCH)) === EXPIRY_BATCH);
      },
    },
  ],
  {
    consumes: {
      'reservation.created': convergeOn,
      'reservation.expired': convergeOn,
      'reservation.cancelled': convergeOn,
      'payment.settled': async (event, tx) => void (await confirmPaidReservation(tx, event.payload)),
      'transfer.offered': notifyOn,
      'transfer.completed': notifyOn,
      'transfer.declined': notifyOn,
      'transfer.expired': notifyOn,
    },
  },
);
