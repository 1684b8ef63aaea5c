// Each integration test file gets a database of its own, cloned from the migrated template.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrisma, type Db } from '../../lib/db/create-prisma';

export type TestDatabase = { name: string; url: string; db: Db; drop(): Promise<void> };

async function adminQuery(sql: string) {
  const admin = new pg.Client({ connectionString: inject('databaseServerUrl') });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `openseat_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${inject('templateDatabase')}"`);
  const url = new URL(inject('databaseServerUrl'));
  url.pathname = `/${name}`;
  const db = createPrisma({ databaseUrl: url.toString(), poolSize: 20 });
  return {
    name,
    url: url.toString(),
    db,
    drop: async () => {
      await db.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
