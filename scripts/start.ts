// npm start — the whole platform in one command. On a fresh clone with nothing configured it
// starts embedded PostgreSQL and Redis, migrates, loads the demo data, builds the web app if
// needed, starts the worker fleet (all roles) and the Next server, and prints where to go.
// Ctrl-C stops everything it started. Point DATABASE_URL / REDIS_URL / KAFKA_BROKERS at real
// servers and the same code uses them.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../lib/db/apply-migrations';
import { ConfigError } from '../lib/config/parse-env';
import { createPrisma } from '../lib/db/create-prisma';
import { createRedis } from '../lib/redis/create-redis';
import { DEMO_ACCOUNTS, seedDemoData } from '../lib/demo/seed-demo-data';
import { ensureDatabase, startEmbeddedPostgres } from './embedded/start-embedded-postgres';
import { startEmbeddedRedis } from './embedded/start-embedded-redis';
import { generateSecret, secretsToGenerate } from '../lib/config/secret-env';
import { loadStartConfig, type StartConfig } from './start-config';
import { startStandIns } from './start-stand-ins';
import { buildWebAppIfStale } from './build-web-app-if-stale';
import { standInEnv, startOAuthStandIn } from '../stand-ins/oauth/start-oauth-stand-ins';

const say = (line: string) => process.stdout.write(`${line}\n`);
/** A reason to stop that the user can act on: printed as one line, without a stack. */
class StartFailure extends Error {}
const fail = (line: string): never => {
  throw new StartFailure(line);
};

let config: StartConfig;
try {
  config = loadStartConfig(process.env);
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`npm start: ${error.message}\n`);
  process.exit(1);
}

const dataDir = path.resolve(config.OPENSEAT_DATA_DIR);
mkdirSync(path.join(dataDir, 'logs'), { recursive: true });
const cleanups: Array<() => Promise<void>> = [];
const children: ChildProcess[] = [];
let stopping = false;

async function stopEverything(exitCode: number) {
  if (stopping) return;
  stopping = true;
  say('\nstopping…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const killer = setTimeout(() => child.kill('SIGKILL'), 35_000);
          child.once('exit', () => (clearTimeout(killer), resolve()));
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const cleanup of cleanups.reverse()) await cleanup().catch((e) => process.stderr.write(`${String(e)}\n`));
  say('stopped');
  process.exit(exitCode);
}
// embedded-postgres installs async-exit-hook, which on SIGINT stops PostgreSQL and exits with 130
// while our shutdown is still stopping the worker fleet and Redis. Shutdown is ours: drop it.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.removeAllListeners(signal);
process.on('SIGINT', () => void stopEverything(0));
process.on('SIGTERM', () => void stopEverything(0));
process.on('SIGHUP', () => void stopEverything(0));
// Whatever goes wrong, leave no embedded server or child process behind.
const crash = (error: unknown) => {
  const text = error instanceof StartFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`npm start: ${text}\n`);
  void stopEverything(1);
};
process.on('uncaughtException', crash);
process.on('unhandledRejection', crash);

/**
 * The secrets not given in the environment: generated once and kept in the data folder (sessions
 * and entry tokens survive restarts), whatever servers the platform runs on. Given ones win.
 */
function generatedSecrets(): Record<string, string> {
  const names = secretsToGenerate(config);
  if (!names.length) return {};
  const file = path.join(dataDir, 'secrets.json');
  const stored: Record<string, string> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  for (const name of names) stored[name] ??= generateSecret(name);
  writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
  return Object.fromEntries(names.map((name) => [name, stored[name]!]));
}

async function probe(variable: string, attempt: () => Promise<unknown>) {
  try {
    await attempt();
  } catch (error) {
    fail(`${variable}: cannot connect (${(error as Error).message.split('\n')[0]})`);
  }
}

function startChild(name: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const log = createWriteStream(path.join(dataDir, 'logs', `${name}.log`), { flags: 'a' });
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  child.stderr!.on('data', (chunk: Buffer) => {
    if (!stopping) process.stderr.write(`[${name}] ${chunk}`);
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    process.stderr.write(`${name} exited (${signal ?? code}); see ${path.relative(process.cwd(), log.path as string)}\n`);
    void stopEverything(1);
  });
  children.push(child);
  return child;
}

async function waitUntilUp(url: string, what: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !stopping) {
    const ok = await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  if (!stopping) fail(`${what} did not come up at ${url}`);
}

async function main() {
  // ── 1. PostgreSQL and Redis ─────────────────────────────────────────────────────────────────
  let databaseUrl = config.DATABASE_URL;
  if (!databaseUrl) {
    say(`starting embedded PostgreSQL (data in ${path.relative(process.cwd(), dataDir)}/postgres)…`);
    const embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'postgres'), persistent: !config.OPENSEAT_EPHEMERAL });
    cleanups.push(embedded.stop);
    await ensureDatabase(embedded.serverUrl, 'openseat');
    databaseUrl = embedded.urlFor('openseat');
  } else {
    await probe('DATABASE_URL', async () => {
      const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
      await client.connect();
      await client.end();
    });
  }

  let redisUrl = config.REDIS_URL;
  if (!redisUrl) {
    say('starting embedded Redis…');
    const embedded = await startEmbeddedRedis();
    cleanups.push(embedded.stop);
    redisUrl = embedded.url;
  } else {
    await probe('REDIS_URL', async () => {
      const redis = createRedis({ url: redisUrl! });
      try {
        await redis.ping();
      } finally {
        redis.disconnect();
      }
    });
  }

  // ── 2. Schema and demo data ─────────────────────────────────────────────────────────────────
  const { applied } = await applyMigrations({ databaseUrl, migrationsDir: path.resolve('prisma/migrations') });
  say(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
  if (config.seedDemoData) {
    const db = createPrisma({ databaseUrl });
    const redis = createRedis({ url: redisUrl });
    const { created } = await seedDemoData(db, redis);
    await db.$disconnect();
    redis.disconnect();
    say(created ? 'loaded demo events and accounts' : 'demo data already loaded');
  }

  // ── 3. PortOne and mail, when no real ones are configured ──────────────────────────────────
  const secrets = generatedSecrets();
  const standIns = await startStandIns(config, { dataDir, workerOrigin: `http://127.0.0.1:${config.WORKER_PORT}`, secrets });
  cleanups.push(standIns.stop);

  // ── 4. Worker fleet and web app ─────────────────────────────────────────────────────────────
  try {
    buildWebAppIfStale(say);
  } catch (error) {
    fail((error as Error).message);
  }
  // Demo mode plays each unconfigured social sign-in with its local stand-in (anyone can sign in
  // as anyone there, so never next to a real database).
  const oauthEnv: Record<string, string> = {};
  const unconfigured = (['kakao', 'naver', 'google'] as const).filter((p) => !config[`${p.toUpperCase() as Uppercase<typeof p>}_CLIENT_ID`]);
  for (const provider of config.embeddedDatabase ? unconfigured : []) {
    const standIn = await startOAuthStandIn(provider);
    cleanups.push(standIn.stop);
    Object.assign(oauthEnv, standInEnv(standIn));
    say(`${provider} sign-in stand-in at ${standIn.url}: ${Object.entries(standInEnv(standIn)).map(([k, v]) => `${k}=${v}`).join(' ')}`);
  }
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...secrets,
    ...standIns.env,
    ...oauthEnv,
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    WORKER_PORT: String(config.WORKER_PORT),
    WORKER_HOST: '127.0.0.1',
    WORKER_API_URL: `http://127.0.0.1:${config.WORKER_PORT}`,
    PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${config.PORT}`,
  };
  startChild('workers', ['--import', 'tsx', 'workers/main.ts', '--role=all'], env);
  await waitUntilUp(`http://127.0.0.1:${config.WORKER_PORT}/health/ready`, 'the worker fleet');
  startChild('web', ['node_modules/next/dist/bin/next', 'start', '-p', String(config.PORT), '-H', config.HOST], env);
  await waitUntilUp(`http://127.0.0.1:${config.PORT}/`, 'the web app');

  const url = `http://localhost:${config.PORT}`;
  say('');
  say(`OpenSeat is running at ${url}`);
  say(`  admin     ${DEMO_ACCOUNTS.admin.email} / ${DEMO_ACCOUNTS.admin.password}`);
  say(`  customer  ${DEMO_ACCOUNTS.customer.email} / ${DEMO_ACCOUNTS.customer.password}`);
  say(`  staff     ${DEMO_ACCOUNTS.staff.email} / ${DEMO_ACCOUNTS.staff.password} (scanner at ${url}/staff/scan)`);
  say(`  PostgreSQL ${config.embeddedDatabase ? 'embedded' : 'external'} · Redis ${config.REDIS_URL ? 'external' : 'embedded'} · events ${config.KAFKA_BROKERS ? `Kafka ${config.KAFKA_BROKERS.join(',')}` : 'in-process (no KAFKA_BROKERS)'}`);
  for (const line of standIns.lines) say(line);
  say(`  logs in ${path.relative(process.cwd(), path.join(dataDir, 'logs'))}/ · Ctrl-C stops everything`);
}

main().catch(crash);
