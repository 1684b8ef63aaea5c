import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from './apply-migrations';

const created: string[] = [];
async function emptyDatabase() {
  const name = `openseat_migrate_${Math.random().toString(36).slice(2, 10)}`;
  const admin = new pg.Client({ connectionString: inject('databaseServerUrl') });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  created.push(name);
  const url = new URL(inject('databaseServerUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}
afterEach(async () => {
  const admin = new pg.Client({ connectionString: inject('databaseServerUrl') });
  await admin.connect();
  for (const name of created.splice(0)) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
});

describe('applyMigrations', () => {
  it('records each migration in _prisma_migrations with Prisma’s sha256 checksum, once', async () => {
    const url = await emptyDatabase();
    const first = await applyMigrations({ databaseUrl: url, migrationsDir: 'prisma/migrations' });
    const second = await applyMigrations({ databaseUrl: url, migrationsDir: 'prisma/migrations' });
    const files = await readMigrations('prisma/migrations');
    expect(first.applied).toEqual(files.map((f) => f.name));
    expect(second.applied).toEqual([]);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query('SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name');
    await client.end();
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(files.map((f) => [f.name, f.checksum]));
    expect(rows.every((r) => r.finished_at instanceof Date && r.applied_steps_count === 1)).toBe(true);
  });

  it('serialises concurrent runs so each migration is applied exactly once', async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([1, 2, 3].map(() => applyMigrations({ databaseUrl: url, migrationsDir: 'prisma/migrations' })));
    expect(results.flatMap((r) => r.applied)).toHaveLength((await readMigrations('prisma/migrations')).length);
  });

  it('refuses a migration edited after it was applied, and rolls back a failing one whole', async () => {
    const url = await emptyDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    cpSync('prisma/migrations', dir, { recursive: true });
    await applyMigrations({ databaseUrl: url, migrationsDir: dir });

    const [init] = await readMigrations(dir);
    writeFileSync(path.join(dir, init!.name, 'migration.sql'), `${init!.sql}\n-- edited\n`);
    await expect(applyMigrations({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/was edited after it was applied/);
    writeFileSync(path.join(dir, init!.name, 'migration.sql'), init!.sql);

    const broken = path.join(dir, '29991231000000_broken');
    cpSync(path.join(dir, init!.name), broken, { recursive: true });
    writeFileSync(path.join(broken, 'migration.sql'), 'CREATE TABLE "common"."half_done" (id int);\nSELECT no_such_function();');
    await expect(applyMigrations({ databaseUrl: url, migrationsDir: dir })).rejects.toThrow(/29991231000000_broken failed/);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rowCount } = await client.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    await client.end();
    expect(rowCount).toBe(0);
  });
});
