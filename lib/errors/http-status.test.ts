import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from './app-error';
import { toErrorResponse } from './http-status';

describe('toErrorResponse', () => {
  it('names the invalid field of a zod error with a 400', () => {
    const parsed = z.object({ limit: z.number().max(50) }).safeParse({ limit: 99 });
    const { status, body } = toErrorResponse(parsed.error, 'req-1');
    expect(status).toBe(400);
    expect(body.error.field).toBe('limit');
    expect(body.error.requestId).toBe('req-1');
  });

  it('maps an AppError by its code and keeps its details', () => {
    const { status, body } = toErrorResponse(new AppError('conflict', 'Seats taken', { seats: ['A-1'] }));
    expect(status).toBe(409);
    expect(body.error.seats).toEqual(['A-1']);
  });

  it('never lets details overwrite the code, the message or the request id', () => {
    const { status, body } = toErrorResponse(new AppError('not_found', 'Reservation not found', { code: 'internal', message: 'leaked', requestId: 'forged', field: 'id' }), 'req-3');
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: 'not_found', message: 'Reservation not found', requestId: 'req-3', field: 'id' });
  });

  it('hides unknown errors behind a generic 500', () => {
    const { status, body } = toErrorResponse(new Error('password=hunter2 in stack'), 'req-2');
    expect(status).toBe(500);
    expect(JSON.stringify(body)).not.toContain('hunter2');
  });
});
