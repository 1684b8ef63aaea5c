import { describe, expect, it } from 'vitest';
import type { EventEnvelope } from '../catalog';
import { envelopeOf, messageOf } from './create-kafka-transport';

const event: EventEnvelope = {
  id: '0190d8e4-0000-7000-8000-000000000001',
  type: 'payment.failed',
  topic: 'payment.events',
  aggregateType: 'payment',
  aggregateId: 'p1',
  occurredAt: '2026-12-01T00:00:00.000Z',
  payload: { paymentId: '0190d8e4-0000-7000-8000-000000000002', reservationId: null, reason: 'declined' },
};
const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('Kafka messages', () => {
  it('carry a traced event\'s traceparent as a header, not in the value, and bring it back', () => {
    const message = messageOf({ ...event, traceparent });
    expect(message.headers).toEqual({ traceparent });
    expect(JSON.parse(String(message.value))).toEqual(event);
    expect(envelopeOf({ value: Buffer.from(String(message.value)), headers: { traceparent: Buffer.from(traceparent) } })).toEqual({ ...event, traceparent });
  });

  it('carry no header for an untraced event', () => {
    const message = messageOf(event);
    expect(message.headers).toBeUndefined();
    expect(envelopeOf({ value: Buffer.from(String(message.value)) })).toEqual(event);
  });
});
