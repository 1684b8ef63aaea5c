import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../test/support/test-database';
import { describeChange, diffSchema } from './diff-schema';
import { expectedSchemaShape } from './expected-schema';
import { introspectDatabase } from './introspect-database';
import { renderMigrationSql } from './render-migration-sql';

let database: TestDatabase;
let client: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
});
afterAll(async () => {
  await client.end();
  await database.drop();
});

function schemaVariant(edit: (text: string) => string): string {
  const original = readFileSync('prisma/schema.prisma', 'utf8');
  const edited = edit(original);
  expect(edited).not.toBe(original);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'schema-')), 'schema.prisma');
  writeFileSync(file, edited);
  return file;
}

describe('schema drift', () => {
  it('finds no difference between schema.prisma and the migrated database', async () => {
    const expected = expectedSchemaShape();
    const actual = await introspectDatabase(client, expected.schemas);
    expect(diffSchema(expected, actual).map(describeChange)).toEqual([]);
    expect(Object.keys(actual.tables).length).toBeGreaterThan(30);
  });

  it('reports a column changed in schema.prisma without a migration', async () => {
    const changed = schemaVariant((s) => s.replace('maxTicketsPerPerson  Int           @default(4)', 'maxTicketsPerPerson  BigInt        @default(4)'));
    const expected = expectedSchemaShape(changed);
    const changes = diffSchema(expected, await introspectDatabase(client, expected.schemas));
    expect(changes.map(describeChange)).toEqual([expect.stringContaining('"ticket"."performances".max_tickets_per_person is')]);
    expect(renderMigrationSql(changes)).toContain('ALTER COLUMN "max_tickets_per_person" SET DATA TYPE BIGINT');
  });

  it('reports a new model, a dropped field and a new index without a migration', async () => {
    const changed = schemaVariant((s) =>
      s
        .replace('  phone         String?\n', '')
        .replace('  @@index([city])\n', '  @@index([city])\n  @@index([name])\n')
        .concat('\nmodel Coupon {\n  code String @id\n  @@map("coupons")\n  @@schema("payment")\n}\n'),
    );
    const expected = expectedSchemaShape(changed);
    const described = diffSchema(expected, await introspectDatabase(client, expected.schemas)).map(describeChange);
    expect(described).toEqual(
      expect.arrayContaining([
        'table "payment"."coupons" is missing',
        'column "auth"."users".phone is not in schema.prisma',
        'index venues_name_idx on "ticket"."venues"(name) is missing',
      ]),
    );
  });

  it('keeps the partial unique index that forbids one seat in two live reservations', async () => {
    const { rows } = await client.query(
      `SELECT indexdef FROM pg_indexes WHERE schemaname = 'ticket' AND indexname = 'reservation_items_live_seat_key'`,
    );
    expect(rows[0]?.indexdef).toMatch(/UNIQUE INDEX .* \(performance_id, seat_id\) WHERE live/);
  });
});
