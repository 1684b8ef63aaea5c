import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { addUserEmail } from './add-user-email';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('addUserEmail', () => {
  it('gives an email-less account its address, once, and never one another account uses', async () => {
    const { db } = database;
    const fan = await db.user.create({ data: { name: '카카오팬' } });
    await db.user.create({ data: { email: 'taken@example.com' } });

    await expect(addUserEmail(db, { userId: fan.id, email: 'taken@example.com' })).rejects.toMatchObject({ code: 'conflict', details: { field: 'email' } });
    await expect(addUserEmail(db, { userId: fan.id, email: 'not an email' })).rejects.toThrow();
    expect(await addUserEmail(db, { userId: fan.id, email: ' Fan@Example.com ' })).toEqual({ email: 'fan@example.com' });
    expect((await db.user.findUniqueOrThrow({ where: { id: fan.id } })).email).toBe('fan@example.com');
    await expect(addUserEmail(db, { userId: fan.id, email: 'other@example.com' })).rejects.toMatchObject({ code: 'conflict' });
    await expect(addUserEmail(db, { userId: randomUUID(), email: 'nobody@example.com' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
