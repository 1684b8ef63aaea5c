// The PostgreSQL half of a reservation: checks that the user holds the seats, then commits the
// PENDING reservation — amount from the server's prices, payment deadline = the holds' expiry,
// items, and `reservation.created` in the outbox — in one transaction. Redis holds are the fast
// first word; the partial unique index on live items is the last: even if Redis lost every hold,
// PostgreSQL refuses a second live reservation of a seat (409 naming it). The write itself is
// group-committed with other concurrent reservations (insert-reservations.ts). The seat map is
// not touched here once the reservation commits: createReservation does it next, and the
// reservations role does it from the event if that step never runs.
import { createHash } from 'node:crypto';
import type { Db } from '../db/create-prisma';
import { uuidV7 } from '../db/uuid-v7';
import { AppError } from '../errors/app-error';
import { buildEnvelope } from '../events/append-event';
import type { Redis } from '../redis/create-redis';
import { runHoldScript } from '../holds/hold-scripts';
import { syncReservedSeats } from '../holds/sync-reserved-seats';
import { ENTRY_REVOKED, entryCheckOf, type AdmittedEntry } from '../holds/entry-check-of';
import { findSeats } from '../holds/find-seats';
import { revokedEntryRefusal } from '../holds/revoked-entry-refusal';
import { loadPerformanceSeats, type HoldableSeat, type PerformanceSeats } from '../holds/load-performance-seats';
import { IDEMPOTENCY_INDEX, insertReservations, LIVE_SEAT_INDEX, violatedIndex, type DraftOutcome, type ReservationDraft } from './insert-reservations';
import { reservationGroupCommit } from './reservation-group-commit';
import type { CreateReservationDeps, CreateReservationInput } from './create-reservation';
import { RESERVATION_INCLUDE, toReservationView, type ReservationView } from './reservation-view';

function requestHashOf(input: CreateReservationInput): string {
  const canonical = JSON.stringify({ performanceId: input.performanceId, seats: [...input.seats].sort((a, b) => a - b) });
  return createHash('sha256').update(canonical).digest('hex');
}

async function findByIdempotencyKey(db: Db, userId: string, key: string, requestHash: string): Promise<ReservationView | null> {
  const existing = await db.reservation.findUnique({ where: { userId_idempotencyKey: { userId, idempotencyKey: key } }, include: RESERVATION_INCLUDE });
  if (!existing) return null;
  if (existing.requestHash !== requestHash) {
    throw new AppError('unprocessable', 'This Idempotency-Key was already used with a different request', { reason: 'idempotency_key_reused' });
  }
  return toReservationView(existing);
}

/** Until when the user holds all these seats (the reservation's payment deadline), checked with the entry token in one round trip. */
async function heldUntil(redis: Redis, performanceId: string, userId: string, seats: HoldableSeat[], now: number, entry?: AdmittedEntry): Promise<number> {
  const check = entryCheckOf(performanceId, entry);
  const [status, ...rest] = (await runHoldScript(redis, 'heldUntil', performanceId, check.keys, [userId, now, check.jti, ...seats.map((s) => s.ordinal)])) as number[];
  if (status === ENTRY_REVOKED) throw revokedEntryRefusal(entry);
  if (status === 0) {
    const notHeld = new Set(rest.map(Number));
    throw new AppError('conflict', 'Hold these seats first: they are not held by you (or the hold ran out)', {
      reason: 'seats_not_held',
      seats: seats.filter((s) => notHeld.has(s.ordinal)).map((s) => ({ id: s.id, ordinal: s.ordinal, label: s.label })),
    });
  }
  return Number(rest[0]);
}

export async function commitReservation(
  deps: CreateReservationDeps,
  userId: string,
  idempotencyKey: string,
  input: CreateReservationInput,
  /** The caller's entry token (worker API); its revocation is checked with the holds. */
  entry?: AdmittedEntry,
): Promise<{ reservation: ReservationView; replayed: boolean }> {
  const now = deps.now?.() ?? new Date();
  const requestHash = requestHashOf(input);
  const performance = await loadPerformanceSeats(deps.db, input.performanceId, now.getTime());
  const seats = findSeats(performance, input.seats).sort((a, b) => a.ordinal - b.ordinal);

  let deadline: number;
  try {
    deadline = await heldUntil(deps.redis, input.performanceId, userId, seats, now.getTime(), entry);
  } catch (notHeld) {
    if ((notHeld as AppError).details?.reason !== 'seats_not_held') throw notHeld;
    // A retry of a request that already succeeded finds its holds turned into the reservation.
    const previous = await findByIdempotencyKey(deps.db, userId, idempotencyKey, requestHash);
    if (previous) return { reservation: previous, replayed: true };
    throw notHeld;
  }

  const prices = seats.map((seat) => performance.prices.get(seat.grade)!);
  const totalKrw = prices.reduce((sum, price) => sum + price, 0);
  const reservationId = uuidV7(now.getTime());
  const paymentDeadline = new Date(deadline);
  const draft: ReservationDraft = {
    reservationId,
    userId,
    performanceId: input.performanceId,
    idempotencyKey,
    requestHash,
    totalKrw,
    paymentDeadline,
    maxTicketsPerPerson: performance.maxTicketsPerPerson,
    items: seats.map((seat, i) => ({ seatId: seat.id, grade: seat.grade, priceKrw: prices[i]! })),
    event: buildEnvelope({
      type: 'reservation.created',
      aggregateId: reservationId,
      occurredAt: now,
      payload: {
        reservationId,
        userId,
        performanceId: input.performanceId,
        seatIds: seats.map((s) => s.id),
        seatGrades: seats.map((s) => s.grade),
        totalKrw,
        paymentDeadline: paymentDeadline.toISOString(),
      },
    }),
  };
  let outcome: DraftOutcome;
  try {
    const grouped = await reservationGroupCommit(deps.db).submit(draft);
    outcome = grouped === 'alone' ? (await insertReservations(deps.db, [draft]))[0]! : grouped;
  } catch (error) {
    const index = violatedIndex(error);
    if (index === IDEMPOTENCY_INDEX) {
      const raced = await findByIdempotencyKey(deps.db, userId, idempotencyKey, requestHash);
      if (raced) return { reservation: raced, replayed: true };
    }
    if (index === LIVE_SEAT_INDEX) throw await seatsTakenInDatabase(deps, performance, input.performanceId, seats);
    throw error;
  }
  if (!outcome.inserted) {
    throw new AppError('unprocessable', `You can reserve at most ${performance.maxTicketsPerPerson} seats for this performance`, {
      reason: 'limit_exceeded',
      limit: performance.maxTicketsPerPerson,
      alreadyHeld: outcome.owned,
    });
  }
  const createdAt = outcome.createdAt;

  return {
    replayed: false,
    reservation: {
      id: reservationId,
      performanceId: input.performanceId,
      status: 'PENDING',
      totalKrw,
      paymentDeadline: paymentDeadline.toISOString(),
      createdAt: createdAt.toISOString(),
      timeZone: performance.timeZone,
      seats: seats.map((seat, i) => ({
        id: seat.id,
        ordinal: seat.ordinal,
        label: seat.label,
        section: seat.section,
        row: seat.rowLabel,
        number: seat.number,
        grade: seat.grade,
        priceKrw: prices[i]!,
      })),
    },
  };
}

/** PostgreSQL refused a seat Redis thought was free: name the seats, and correct the map. */
async function seatsTakenInDatabase(deps: CreateReservationDeps, performance: PerformanceSeats, performanceId: string, seats: HoldableSeat[]): Promise<AppError> {
  const taken = await deps.db.reservationItem.findMany({
    where: { performanceId, seatId: { in: seats.map((s) => s.id) }, live: true },
    select: { seatId: true, reservationId: true, reservation: { select: { userId: true } } },
  });
  const takenSeats = taken.map((t) => performance.seatsById.get(t.seatId)!);
  await syncReservedSeats(
    deps.redis,
    performanceId,
    null,
    taken.map((t, i) => ({ ordinal: takenSeats[i]!.ordinal, live: { reservationId: t.reservationId, userId: t.reservation.userId } })),
  );
  return new AppError('conflict', 'Some of these seats were just reserved by someone else', {
    reason: 'seats_taken',
    seats: takenSeats.map((seat) => ({ id: seat.id, ordinal: seat.ordinal, label: seat.label })),
  });
}
