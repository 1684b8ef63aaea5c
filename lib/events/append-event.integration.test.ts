// appendEvent writes the event in the caller's transaction, validated against the catalog.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { appendEvent } from './append-event';
import { DEAD_LETTER_TOPICS, EVENT_CATALOG, TOPICS } from './catalog';

describe('appendEvent', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.drop();
  });

  it('commits the event with the transaction, on its catalog topic, keyed by the aggregate id', async () => {
    const reservationId = randomUUID();
    const event = await database.db.$transaction((tx) =>
      appendEvent(tx, {
        type: 'reservation.cancelled',
        aggregateId: reservationId,
        payload: { reservationId, userId: randomUUID(), performanceId: randomUUID(), reason: 'expired' },
      }),
    );
    const row = await database.db.outboxEvent.findUniqueOrThrow({ where: { id: event.id } });
    expect(row).toMatchObject({ topic: 'reservation.events', type: 'reservation.cancelled', aggregateType: 'reservation', aggregateId: reservationId, publishedAt: null });
    expect(row.payload).toMatchObject({ reservationId, reason: 'expired' });
  });

  it('leaves no event behind when the transaction rolls back', async () => {
    const aggregateId = randomUUID();
    await expect(
      database.db.$transaction(async (tx) => {
        await appendEvent(tx, { type: 'payment.failed', aggregateId, payload: { paymentId: aggregateId, reservationId: null, reason: 'x' } });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await database.db.outboxEvent.count({ where: { aggregateId } })).toBe(0);
  });

  it('refuses a payload that does not match the catalog schema, naming the field', async () => {
    const aggregateId = randomUUID();
    await expect(
      database.db.$transaction((tx) =>
        appendEvent(tx, { type: 'payment.refunded', aggregateId, payload: { paymentId: aggregateId, reservationId: null, refundedKrw: 10.5, reason: 'x' } }), // KRW is whole won
      ),
    ).rejects.toMatchObject({ name: 'ZodError' });
    expect(await database.db.outboxEvent.count({ where: { aggregateId } })).toBe(0);
  });

  it('gives every event type a topic with a dead-letter topic and a bounded retry policy', () => {
    // The consumer runtime waits backoffMs · 2^(attempt-1) between attempts while it holds the
    // event's partition; past 30 s of waiting (kafkajs's default session timeout) one poison event
    // would stall every other event of its partition for longer than a rebalance.
    const MAX_ATTEMPTS = 10;
    const MAX_TOTAL_BACKOFF_MS = 30_000;
    for (const [type, entry] of Object.entries(EVENT_CATALOG)) {
      expect(Object.values(TOPICS), type).toContain(entry.topic);
      expect(entry.deadLetterTopic, type).toBe(DEAD_LETTER_TOPICS[entry.topic]);
      expect(entry.deadLetterTopic, type).toMatch(/^dlq\./);
      const { maxAttempts, backoffMs } = entry.retry;
      expect(Number.isInteger(maxAttempts) && maxAttempts >= 1 && maxAttempts <= MAX_ATTEMPTS, `${type} maxAttempts ${maxAttempts}`).toBe(true);
      expect(Number.isInteger(backoffMs) && backoffMs >= 0, `${type} backoffMs ${backoffMs}`).toBe(true);
      const totalBackoffMs = Array.from({ length: maxAttempts - 1 }, (_, attempt) => backoffMs * 2 ** attempt).reduce((a, b) => a + b, 0);
      expect(totalBackoffMs, `${type} waits ${totalBackoffMs} ms before its dead letter`).toBeLessThanOrEqual(MAX_TOTAL_BACKOFF_MS);
    }
    expect(EVENT_CATALOG['reservation.confirmed'].deadLetterTopic).toBe('dlq.reservation');
    expect(EVENT_CATALOG['payment.settled'].deadLetterTopic).toBe('dlq.payment');
  });
});
