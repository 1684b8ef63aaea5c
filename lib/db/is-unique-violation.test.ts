import { describe, expect, it } from 'vitest';
import { isUniqueViolation } from './is-unique-violation';

// The shapes as measured against PostgreSQL through node-postgres and Prisma 7 with adapter-pg.
const pgError = (code: string, constraint?: string) => Object.assign(new Error('duplicate key value violates unique constraint "x"'), { code, constraint });
const prismaError = (code: string, originalCode: string, index?: string) =>
  Object.assign(new Error('Unique constraint failed'), {
    code,
    meta: { driverAdapterError: { name: 'DriverAdapterError', cause: { originalCode, kind: 'UniqueConstraintViolation', constraint: index ? { index } : { fields: ['email'] } } } },
  });

describe('isUniqueViolation', () => {
  it('recognises a node-postgres 23505 by its constraint name', () => {
    expect(isUniqueViolation(pgError('23505', 'users_email_key'), 'users_email_key')).toBe(true);
    expect(isUniqueViolation(pgError('23505', 'users_email_key'), 'reservation_items_live_seat_key')).toBe(false);
  });

  it('recognises Prisma P2002 and raw-query P2010 wrappers by the driver cause', () => {
    expect(isUniqueViolation(prismaError('P2002', '23505', 'users_email_key'), 'users_email_key')).toBe(true);
    expect(isUniqueViolation(prismaError('P2010', '23505', 'users_email_key'), 'users_email_key')).toBe(true);
    expect(isUniqueViolation(prismaError('P2002', '23505'), 'users_email_key')).toBe(false);
  });

  it('ignores other SQLSTATEs and a constraint name that only appears in the message', () => {
    expect(isUniqueViolation(pgError('23503', 'users_email_key'), 'users_email_key')).toBe(false);
    expect(isUniqueViolation(new Error('duplicate key value violates unique constraint "users_email_key"'), 'users_email_key')).toBe(false);
    expect(isUniqueViolation(null, 'users_email_key')).toBe(false);
  });
});
