// The `reservations` role: frees holds whose time ran out and expires unpaid reservations, so
// seats return to the map within about a second either way; confirms reservations whose payment
// settled (the `reservations` consumer group).
import { expireDueHolds } from '../../lib/holds/expire-due-holds';
import { confirmPaidReservation } from '../../lib/reservations/confirm-paid-reservation';
import { expireOverdueReservations } from '../../lib/reservations/expire-overdue-reservations';
import { defineLoopRole } from './define-loop-role';

const EXPIRY_BATCH = 200;

export const reservationsRole = defineLoopRole('reservations', [
  { name: 'expire-holds', intervalMs: () => 1_000, tick: (ctx) => expireDueHolds(ctx.redis).then(() => undefined) },
  {
    name: 'expire-reservations',
    intervalMs: () => 1_000,
    tick: async (ctx) => {
      // Drain a backlog (after downtime) in batches without waiting a second between them.
      while ((await expireOverdueReservations(ctx, new Date(), EXPIRY_BATCH)) === EXPIRY_BATCH);
    },
  },
], {
  consumes: {
    'payment.settled': async (event, tx) => void (await confirmPaidReservation(tx, event.payload)),
  },
});
