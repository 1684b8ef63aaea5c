import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EVENT_CATALOG } from './catalog';

describe('reservation.cancelled', () => {
  const base = { reservationId: randomUUID(), userId: randomUUID(), performanceId: randomUUID(), reason: 'user' as const };

  it('carries the seats, and still parses events written before it did', () => {
    const schema = EVENT_CATALOG['reservation.cancelled'].payload;
    const seatIds = [randomUUID()];
    expect(schema.parse({ ...base, seatIds })).toEqual({ ...base, seatIds });
    expect(schema.parse(base)).toEqual(base);
    expect(schema.safeParse({ ...base, seatIds: [] }).success).toBe(false);
  });
});
