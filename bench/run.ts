// npm run bench [-- name ... --flag=value ...] — runs bench/<name>.bench.ts files one after another and writes
// each one's figures to bench/results/<name>.json. Every benchmark measures itself against a
// baseline taken in the same run (these machines are noisy), so the JSON holds ratios beside
// the raw numbers. PostgreSQL and Redis: DATABASE_URL / REDIS_URL when set, embedded otherwise.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../scripts/embedded/start-embedded-postgres';
import { startEmbeddedRedis } from '../scripts/embedded/start-embedded-redis';

export type BenchContext = { databaseServerUrl: string; redisUrl: string };
type BenchModule = { run(ctx: BenchContext): Promise<Record<string, unknown>> };

// `--name=value` arguments are a benchmark's own flags (each reads its own from process.argv).
const wanted = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const files = readdirSync(path.resolve('bench'))
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace('.bench.ts', '')));
if (files.length === 0) {
  console.error(`no benchmarks match ${wanted.join(', ') || '(none found)'}`);
  process.exit(2);
}

const stops: Array<() => Promise<void>> = [];
let databaseServerUrl = process.env.DATABASE_URL;
if (!databaseServerUrl) {
  const pg = await startEmbeddedPostgres({ dataDir: mkdtempSync(path.join(os.tmpdir(), 'openseat-bench-pg-')), persistent: false });
  stops.push(pg.stop);
  databaseServerUrl = pg.serverUrl;
}
let redisUrl = process.env.REDIS_URL;
if (!redisUrl) {
  const redis = await startEmbeddedRedis();
  stops.push(redis.stop);
  redisUrl = redis.url;
}
process.env.DATABASE_URL = databaseServerUrl;
process.env.REDIS_URL = redisUrl;

mkdirSync('bench/results', { recursive: true });
let failures = 0;
for (const file of files) {
  const name = file.replace('.bench.ts', '');
  console.log(`\n▶ ${name}`);
  const startedAt = new Date();
  try {
    const mod = (await import(path.resolve('bench', file))) as BenchModule;
    const result = await mod.run({ databaseServerUrl, redisUrl });
    const record = {
      name,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      machine: { cpus: os.cpus().length, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      result,
    };
    writeFileSync(`bench/results/${name}.json`, `${JSON.stringify(record, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } catch (error) {
    failures++;
    console.error(`${name} failed:`, error);
  }
}
for (const stop of stops.reverse()) await stop();
process.exit(failures ? 1 : 0);
