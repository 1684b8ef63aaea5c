// The event catalog: one entry per event type — its topic, payload schema, retry policy and
// dead-letter topic. Appending validates against it; consumers parse with it. Add an event
// here first, then append it (lib/events/append-event.ts) and handle it (a role's `consumes`).
import { z } from 'zod';

/** One topic per aggregate family; the message key is the aggregate id, so one aggregate's events stay in order. */
export const TOPICS = {
  reservation: 'reservation.events',
  payment: 'payment.events',
  transfer: 'transfer-events',
  membership: 'membership-events',
  ticket: 'ticket.events',
} as const;
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** Dead letters per source topic. */
export const DEAD_LETTER_TOPICS: Record<Topic, string> = {
  'reservation.events': 'dlq.reservation',
  'payment.events': 'dlq.payment',
  'transfer-events': 'dlq.transfer',
  'membership-events': 'dlq.membership',
  'ticket.events': 'dlq.ticket',
};

const uuid = z.uuid();
const krw = z.number().int().nonnegative();

type Retry = { maxAttempts: number; backoffMs: number };
// Three attempts, then the dead-letter topic (docs/decisions.md).
const DEFAULT_RETRY: Retry = { maxAttempts: 3, backoffMs: 200 };

function entry<Schema extends z.ZodType>(topic: Topic, aggregateType: string, payload: Schema, retry: Retry = DEFAULT_RETRY) {
  return { topic, aggregateType, payload, retry, deadLetterTopic: DEAD_LETTER_TOPICS[topic] };
}

const transferEnded = z.object({ transferId: uuid, ticketId: uuid, performanceId: uuid, fromUserId: uuid, toUserId: uuid, endedAt: z.iso.datetime() });

export const EVENT_CATALOG = {
  // `seatGrades[i]` is the grade of `seatIds[i]` (for occupancy by grade); events written before it
  // existed have none, and the stats role reads the grades from PostgreSQL.
  'reservation.created': entry(
    TOPICS.reservation,
    'reservation',
    z.object({
      reservationId: uuid,
      userId: uuid,
      performanceId: uuid,
      seatIds: z.array(uuid).min(1),
      seatGrades: z.array(z.string()).min(1).optional(),
      totalKrw: krw,
      paymentDeadline: z.iso.datetime(),
    }),
  ),
  // A PENDING reservation whose payment deadline passed; its seats are back on sale.
  'reservation.expired': entry(
    TOPICS.reservation,
    'reservation',
    z.object({ reservationId: uuid, userId: uuid, performanceId: uuid, seatIds: z.array(uuid).min(1), expiredAt: z.iso.datetime() }),
  ),
  'reservation.confirmed': entry(
    TOPICS.reservation,
    'reservation',
    z.object({ reservationId: uuid, userId: uuid, performanceId: uuid, paymentId: uuid, totalKrw: krw }),
  ),
  // Seats of a reservation are back on sale. A refund of some seats of a paid booking names them
  // in `seatIds` with `partial` set (the rest stay the fan's); without `seatIds`, all of them
  // (events written before `seatIds` existed have none: consumers read the seats from PostgreSQL).
  'reservation.cancelled': entry(
    TOPICS.reservation,
    'reservation',
    z.object({
      reservationId: uuid,
      userId: uuid,
      performanceId: uuid,
      reason: z.enum(['user', 'expired', 'payment_failed', 'admin', 'organiser']),
      seatIds: z.array(uuid).min(1).optional(),
      partial: z.boolean().optional(),
    }),
  ),
  'payment.requested': entry(
    TOPICS.payment,
    'payment',
    z.object({ paymentId: uuid, userId: uuid, reservationId: uuid.nullable(), membershipId: uuid.nullable(), amountKrw: krw }),
  ),
  // `amountKrw` includes `bookingFeeKrw` (absent on events written before it existed).
  'payment.settled': entry(
    TOPICS.payment,
    'payment',
    z.object({
      paymentId: uuid,
      userId: uuid,
      reservationId: uuid.nullable(),
      membershipId: uuid.nullable(),
      amountKrw: krw,
      bookingFeeKrw: krw.optional(),
      paidAt: z.iso.datetime(),
    }),
  ),
  'payment.failed': entry(TOPICS.payment, 'payment', z.object({ paymentId: uuid, reservationId: uuid.nullable(), reason: z.string().max(500) })),
  'payment.refunded': entry(
    TOPICS.payment,
    'payment',
    z.object({
      paymentId: uuid,
      reservationId: uuid.nullable(),
      refundedKrw: krw,
      reason: z.string().max(500),
      refundId: uuid.optional(),
      userId: uuid.optional(),
      // What the refund kept as a cancellation fee and gave back of the booking fee (a refund
      // requested by a fan or an organiser; a late payment sent back has neither).
      feeKrw: krw.optional(),
      bookingFeeRefundKrw: krw.optional(),
    }),
  ),
  'transfer.completed': entry(
    TOPICS.transfer,
    'ticket_transfer',
    z.object({ transferId: uuid, ticketId: uuid, performanceId: uuid, fromUserId: uuid, toUserId: uuid, completedAt: z.iso.datetime() }),
  ),
  // An open offer of a ticket to another registered user (the recipient is told).
  'transfer.offered': entry(
    TOPICS.transfer,
    'ticket_transfer',
    z.object({ transferId: uuid, ticketId: uuid, performanceId: uuid, fromUserId: uuid, toUserId: uuid, expiresAt: z.iso.datetime() }),
  ),
  // An offer that ended without moving the ticket: the recipient declined it, the sender withdrew
  // it, or it expired (its deadline passed, or the ticket stopped being transferable).
  'transfer.declined': entry(TOPICS.transfer, 'ticket_transfer', transferEnded),
  'transfer.withdrawn': entry(TOPICS.transfer, 'ticket_transfer', transferEnded),
  'transfer.expired': entry(TOPICS.transfer, 'ticket_transfer', transferEnded),
  // The one admission of a ticket at the door (online, or an offline scan synced later).
  'ticket.checked_in': entry(
    TOPICS.ticket,
    'ticket',
    z.object({ ticketId: uuid, performanceId: uuid, grade: z.string(), gate: z.string(), deviceId: z.string(), offline: z.boolean(), checkedInAt: z.iso.datetime() }),
  ),
  'membership.activated': entry(
    TOPICS.membership,
    'membership',
    z.object({ membershipId: uuid, userId: uuid, artistId: uuid, planId: uuid, expiresAt: z.iso.datetime() }),
  ),
} as const;

export type EventType = keyof typeof EVENT_CATALOG;
export type EventPayload<T extends EventType> = z.infer<(typeof EVENT_CATALOG)[T]['payload']>;
export type CatalogEntry = (typeof EVENT_CATALOG)[EventType];

export const EVENT_TYPES = Object.keys(EVENT_CATALOG) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.hasOwn(EVENT_CATALOG, type);
}

export function topicsOf(types: readonly EventType[]): Topic[] {
  return [...new Set(types.map((type) => EVENT_CATALOG[type].topic))];
}

/** What travels on the bus: the outbox row minus relay bookkeeping. */
export type EventEnvelope<T extends EventType = EventType> = {
  id: string;
  type: T;
  topic: Topic;
  aggregateType: string;
  aggregateId: string;
  occurredAt: string;
  payload: EventPayload<T>;
  /** W3C traceparent of the request that appended it; absent when nothing was tracing. */
  traceparent?: string;
};
