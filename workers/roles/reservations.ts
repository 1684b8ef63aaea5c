// The `reservations` role: frees holds whose time ran out and expires unpaid reservations, so
// seats return to the map within about a second either way; and from every reservation event it
// brings that reservation's seats on the map in line with PostgreSQL, which makes the map
// converge whatever stopped the writer between its commit and its own Redis step.
import { expireDueHolds } from '../../lib/holds/expire-due-holds';
import { convergeSeatMap } from '../../lib/reservations/converge-seat-map';
import { expireOverdueReservations } from '../../lib/reservations/expire-overdue-reservations';
import type { EventHandler } from '../runtime/start-consumer';
import { defineLoopRole } from './define-loop-role';

const EXPIRY_BATCH = 200;

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
  ],
  { consumes: { 'reservation.created': convergeOn, 'reservation.expired': convergeOn, 'reservation.cancelled': convergeOn } },
);
