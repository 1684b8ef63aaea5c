// The reservations role's answer to `reservation.created`, `.expired` and `.cancelled`: the
// reservation's seats on the map become what PostgreSQL says of them now. The write that emitted
// the event already made the same change as its quick first word; this is the guarantee when that
// step was skipped (a crash between the commit and Redis, an error, a Redis failover). Reading
// the truth at handling time, not the event's direction, makes a repeated, late or reordered
// event harmless: a created event handled after the expiry frees nothing and sells nothing.
import type { Prisma } from '../db/create-prisma';
import { syncReservedSeats } from '../holds/sync-reserved-seats';
import type { Redis } from '../redis/create-redis';
import { findReservedSeats } from './find-reserved-seats';

export type ReservationNews = { reservationId: string; userId: string; performanceId: string };

export async function convergeSeatMap(deps: { db: Pick<Prisma.TransactionClient, '$queryRaw'>; redis: Redis }, news: ReservationNews): Promise<number> {
  const seats = await findReservedSeats(deps.db, news.reservationId);
  return syncReservedSeats(deps.redis, news.performanceId, { reservationId: news.reservationId, userId: news.userId }, seats);
}
