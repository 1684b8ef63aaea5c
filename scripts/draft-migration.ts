// npm run db:draft -- <name>
// Drafts the next migration the way `prisma migrate dev --create-only` would: applies the
// committed migrations to a scratch database, compares it with schema.prisma, and writes the
// difference as prisma/migrations/<timestamp>_<name>/migration.sql for you to read and edit.
// Needs a PostgreSQL server it may create databases on (ADMIN_DATABASE_URL or DATABASE_URL).
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../lib/db/apply-migrations';
import { diffSchema } from '../prisma/tooling/diff-schema';
import { expectedSchemaShape } from '../prisma/tooling/expected-schema';
import { introspectDatabase } from '../prisma/tooling/introspect-database';
import { renderMigrationSql } from '../prisma/tooling/render-migration-sql';

const name = process.argv[2];
const serverUrl = process.env.ADMIN_DATABASE_URL ?? process.env.DATABASE_URL;
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run db:draft -- <snake_case_name>');
  process.exit(2);
}
if (!serverUrl) {
  console.error('DATABASE_URL is not set: the draft needs a PostgreSQL server for a scratch database');
  process.exit(2);
}

const scratch = `draft_${Date.now()}`;
const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${scratch}"`);
try {
  const url = new URL(serverUrl);
  url.pathname = `/${scratch}`;
  const migrationsDir = path.resolve('prisma/migrations');
  await mkdir(migrationsDir, { recursive: true });
  await applyMigrations({ databaseUrl: url.toString(), migrationsDir });
  const expected = expectedSchemaShape();
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  const actual = await introspectDatabase(client, expected.schemas);
  await client.end();
  const changes = diffSchema(expected, actual);
  if (changes.length === 0) {
    console.log('schema.prisma and the migrations agree: nothing to draft');
  } else {
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'migration.sql'), renderMigrationSql(changes));
    console.log(`wrote ${path.relative(process.cwd(), dir)}/migration.sql (${changes.length} changes)`);
  }
} finally {
  await admin.query(`DROP DATABASE "${scratch}" WITH (FORCE)`);
  await admin.end();
}
