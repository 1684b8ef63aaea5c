// Turns a user's held seats into a PENDING reservation: amount from the server's prices, payment
// deadline = the holds' expiry, items, and `reservation.created` in the outbox — one transaction.
// Redis holds are the fast first word; the partial unique index on live items is the last: even
// if Redis lost every hold, PostgreSQL refuses a second live reservation of a seat (409 naming it).
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { AppError } from '../errors/app-error';
import { appendEvent } from '../events/append-event';
import type { Redis } from '../redis/create-redis';
import { runHoldScript } from '../holds/hold-scripts';
import { findSeats, SeatOrdinals } from '../holds/hold-seats';
import { loadPerformanceSeats, type HoldableSeat } from '../holds/load-performance-seats';
import { seatHoldKeys } from '../holds/seat-hold-keys';
import { RESERVATION_INCLUDE, toReservationView, type ReservationView } from './reservation-view';

export const CreateReservationInput = z.object({
  performanceId: z.uuid(),
  seats: SeatOrdinals,
});
export type CreateReservationInput = z.infer<typeof CreateReservationInput>;

export const IdempotencyKey = z.string().min(8, 'Idempotency-Key must be 8 to 200 characters').max(200, 'Idempotency-Key must be 8 to 200 characters');

export type CreateReservationDeps = { db: Db; redis: Redis; now?: () => Date };

const LIVE_SEAT_INDEX = 'reservation_items_live_seat_key';
const IDEMPOTENCY_INDEX = 'reservations_user_id_idempotency_key_key';

function requestHashOf(input: CreateReservationInput): string {
  const canonical = JSON.stringify({ performanceId: input.performanceId, seats: [...input.seats].sort((a, b) => a - b) });
  return createHash('sha256').update(canonical).digest('hex');
}

/** Which unique index a failed insert hit (driver adapters report it in the message or meta). */
function violatedIndex(error: unknown): string | null {
  const text = `${(error as Error)?.message ?? ''} ${JSON.stringify((error as { meta?: unknown })?.meta ?? {})}`;
  if (text.includes(LIVE_SEAT_INDEX)) return LIVE_SEAT_INDEX;
  if (text.includes(IDEMPOTENCY_INDEX) || text.includes('idempotency_key')) return IDEMPOTENCY_INDEX;
  return null;
}

async function findByIdempotencyKey(db: Db, userId: string, key: string, requestHash: string): Promise<ReservationView | null> {
  const existing = await db.reservation.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey: key } }, include: RESERVATION_INCLUDE });
  if (!existing) return null;
  if (existing.requestHash !== requestHash) {
    throw new AppError('unprocessable', 'This Idempotency-Key was already used with a different request', { reason: 'idempotency_key_reused' });
  }
  return toReservationView(existing);
}

async function heldUntil(redis: Redis, performanceId: string, userId: string, seats: HoldableSeat[], now: number): Promise<number> {
  const entries = await redis.hmget(seatHoldKeys(performanceId).holds, ...seats.map((s) => String(s.ordinal)));
  const notHeld = seats.filter((_, i) => {
    const [owner, until] = (entries[i] ?? '|0').split('|');
    return owner !== userId || Number(until) <= now;
  });
  if (notHeld.length) {
    throw new AppError('conflict', 'Hold these seats first: they are not held by you (or the hold ran out)', {
      reason: 'seats_not_held',
      seats: notHeld.map((s) => ({ id: s.id, ordinal: s.ordinal, label: s.label })),
    });
  }
  return Math.min(...entries.map((e) => Number(e!.split('|')[1])));
}

export async function createReservation(
  deps: CreateReservationDeps,
  userId: string,
  idempotencyKey: string,
  input: CreateReservationInput,
): Promise<{ reservation: ReservationView; replayed: boolean }> {
  const now = deps.now?.() ?? new Date();
  const requestHash = requestHashOf(input);
  const previous = await findByIdempotencyKey(deps.db, userId, idempotencyKey, requestHash);
  if (previous) return { reservation: previous, replayed: true };

  const performance = await loadPerformanceSeats(deps.db, input.performanceId, now.getTime());
  const seats = findSeats(performance, input.seats);
  const deadline = await heldUntil(deps.redis, input.performanceId, userId, seats, now.getTime());
  const items = seats.map((seat) => ({ seat, priceKrw: performance.prices.get(seat.grade)! }));
  const totalKrw = items.reduce((sum, i) => sum + i.priceKrw, 0);

  let reservationId: string;
  try {
    reservationId = await deps.db.$transaction(async (tx) => {
      // The per-person limit again, in PostgreSQL: Redis counters can be lost, this cannot.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`${userId}:${input.performanceId}`}))`;
      const owned = await tx.reservationItem.count({ where: { performanceId: input.performanceId, live: true, reservation: { userId } } });
      if (owned + seats.length > performance.maxTicketsPerPerson) {
        throw new AppError('unprocessable', `You can reserve at most ${performance.maxTicketsPerPerson} seats for this performance`, {
          reason: 'limit_exceeded',
          limit: performance.maxTicketsPerPerson,
          alreadyHeld: owned,
        });
      }
      const reservation = await tx.reservation.create({
        data: {
          userId,
          performanceId: input.performanceId,
          totalKrw,
          paymentDeadline: new Date(deadline),
          idempotencyKey,
          requestHash,
          items: { create: items.map(({ seat, priceKrw }) => ({ performanceId: input.performanceId, seatId: seat.id, grade: seat.grade, priceKrw })) },
        },
      });
      await appendEvent(tx, {
        type: 'reservation.created',
        aggregateId: reservation.id,
        payload: {
          reservationId: reservation.id,
          userId,
          performanceId: input.performanceId,
          seatIds: seats.map((s) => s.id),
          totalKrw,
          paymentDeadline: reservation.paymentDeadline.toISOString(),
        },
      });
      return reservation.id;
      // At a sale's opening thousands of these queue for the pool; waiting beats failing.
    }, { maxWait: 10_000, timeout: 10_000 });
  } catch (error) {
    const index = violatedIndex(error);
    if (index === IDEMPOTENCY_INDEX) {
      const raced = await findByIdempotencyKey(deps.db, userId, idempotencyKey, requestHash);
      if (raced) return { reservation: raced, replayed: true };
    }
    if (index === LIVE_SEAT_INDEX) {
      const taken = await deps.db.reservationItem.findMany({
        where: { performanceId: input.performanceId, seatId: { in: seats.map((s) => s.id) }, live: true },
        select: { seatId: true },
      });
      // Redis believed these seats were free: correct the map so nobody else is misled.
      const ordinals = taken.map((t) => performance.seatsById.get(t.seatId)!.ordinal);
      if (ordinals.length) await runHoldScript(deps.redis, 'markSeatsTaken', input.performanceId, [], ordinals);
      throw new AppError('conflict', 'Some of these seats were just reserved by someone else', {
        reason: 'seats_taken',
        seats: taken.map((t) => {
          const seat = performance.seatsById.get(t.seatId)!;
          return { id: seat.id, ordinal: seat.ordinal, label: seat.label };
        }),
      });
    }
    throw error;
  }

  await runHoldScript(deps.redis, 'convertHolds', input.performanceId, [], [userId, ...seats.map((s) => s.ordinal)]);
  const created = await deps.db.reservation.findUniqueOrThrow({ where: { id: reservationId }, include: RESERVATION_INCLUDE });
  return { reservation: toReservationView(created), replayed: false };
}
