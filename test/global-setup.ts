// Runs once per `vitest run`: finds PostgreSQL and Redis (the machine's servers when DATABASE_URL
// and REDIS_URL are set, embedded ones otherwise) and migrates a template database that every
// test file clones into a database of its own (CREATE DATABASE … TEMPLATE takes ~50 ms).
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { applyMigrations, readMigrations } from '../lib/db/apply-migrations';
import { startEmbeddedPostgres } from '../scripts/embedded/start-embedded-postgres';
import { startEmbeddedRedis } from '../scripts/embedded/start-embedded-redis';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseServerUrl: string;
    templateDatabase: string;
    redisUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const stops: Array<() => Promise<void>> = [];

  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const pgHandle = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'openseat-pg-')), persistent: false });
    serverUrl = pgHandle.serverUrl;
    stops.push(pgHandle.stop);
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redisHandle = await startEmbeddedRedis();
    redisUrl = redisHandle.url;
    stops.push(redisHandle.stop);
  }

  const migrationsDir = path.resolve('prisma/migrations');
  const fingerprint = createHash('sha256')
    .update((await readMigrations(migrationsDir)).map((m) => m.checksum).join())
    .digest('hex')
    .slice(0, 12);
  const templateDatabase = `openseat_tpl_${fingerprint}`;

  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    // Serialise concurrent test runs on one server while the template is built.
    await admin.query('SELECT pg_advisory_lock(4242001)');
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [templateDatabase]);
    if (!rowCount) {
      const building = `${templateDatabase}_building_${process.pid}`;
      await admin.query(`CREATE DATABASE "${building}"`);
      const url = new URL(serverUrl);
      url.pathname = `/${building}`;
      await applyMigrations({ databaseUrl: url.toString(), migrationsDir });
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${templateDatabase}"`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(4242001)');
    await admin.end();
  }

  project.provide('databaseServerUrl', serverUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('redisUrl', redisUrl);

  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}
