// npm run bench:open [-- --fans 20000 --faults --abuse …] — a ticket opening, simulated on loopback.
// Starts the platform as production runs it (platform.ts), measures this run's ceilings, lets N
// fans arrive on an opening-day curve and buy through the Next server, waits for the reconciler
// and the expiries to settle, then checks the invariants in PostgreSQL and writes the report
// (JSON, and a summary on stdout). Bounded in count and time; stops everything it started.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createPrisma } from '../../lib/db/create-prisma';
import { createRedis } from '../../lib/redis/create-redis';
import { buildWebAppIfStale } from '../../scripts/build-web-app-if-stale';
import { planFans } from './arrivals';
import { measureCeilings } from './ceilings';
import { Fan, type FanResult } from './fan';
import { EndpointStats, HttpClient } from './http-client';
import { admissionRate, confirmationLag, countQueueInversions, countUnsettled, outboxLag, readInvariants, type Invariants } from './invariants';
import { parseSimOptions, type SimOptions } from './options';
import { Platform } from './platform';
import { ProcessSampler } from './process-stats';
import { buildReport, summarise } from './report';
import { SaleMonitor } from './sale-monitor';
import { startAbuse } from './abuse';
import { startFaults } from './faults';
import { createSale, createSimUsers, prepareDatabase } from './seed-sale';
import type { SideShowContext } from './side-show';

const SESSION_SECONDS = 900; // createSale's activeSessionSeconds
const LEAD_MS = 5_000;

const say = (line: string) => process.stdout.write(`${line}\n`);

export async function runOpenDay(options: SimOptions): Promise<{ report: ReturnType<typeof buildReport>; ok: boolean }> {
  buildWebAppIfStale(say);
  const runDir = mkdtempSync(path.join(os.tmpdir(), 'openseat-open-day-'));
  const base = options.portBase;
  const range = (from: number) => Array.from({ length: options.webInstances }, (_, i) => from + i);
  const platform = new Platform({
    ports: { web: range(base + 10), api: base + 1, portone: base + 2, redis: base + 3, postgres: base + 4 },
    runDir,
    holdSeconds: options.holdSeconds,
    portone: { apiSecret: randomBytes(24).toString('base64url'), webhookSecret: `whsec_${randomBytes(32).toString('base64')}`, storeId: 'store-openseat-bench' },
    reconcileAfterSeconds: options.reconcileAfterSeconds,
  });
  const startedAt = Date.now();
  // Other work on the machine shows here: the figures of a shared 2-core box are not an idle one's.
  const loadAverageAtStart = os.loadavg().map((l) => Math.round(l * 100) / 100);
  try {
    say(`platform: PostgreSQL, Redis, Kafka mock cluster (run folder ${runDir})`);
    await platform.startDataServices();
    const db = createPrisma({ databaseUrl: platform.databaseUrl, poolSize: 4 });
    const redis = createRedis({ url: platform.redisUrl, connectionName: 'bench-open-day' });
    try {
      await prepareDatabase(platform.databaseUrl, db, redis);
      const users = await createSimUsers(db, options.fans, 'fan');
      say(`seeded the demo arena and ${users.length} fans with session cookies`);
      say(`platform: PortOne stand-in, six worker roles, next start ×${options.webInstances}`);
      await platform.startApplication();

      say('ceilings: constant through Next, constant through Next → worker, raw EVALSHA');
      const ceilings = await measureCeilings(platform, db, redis, users, { durationMs: options.ceilingSeconds * 1000, ceilingPorts: { web: range(base + 20), worker: base + 5 }, nowMs: Date.now() });

      const opensAtMs = Date.now() + LEAD_MS + options.preQueueSeconds * 1000;
      const sale = await createSale(db, redis, { opensAtMs, admitPerMinute: options.admitPerMinute, maxActive: options.fans, nowMs: Date.now() });
      const stats = new EndpointStats();
      // Vercel runs each route handler as a function that scales on its own: here the waiting
      // room's routes get the first web instance and the sale's the others (spread over fans), so
      // the polls of thousands of waiting fans queue apart from the purchases of the admitted ones.
      const webs = platform.webUrls.map((url) => new HttpClient(new URL(url), stats, Math.ceil(512 / options.webInstances)));
      const saleWebs = webs.length > 1 ? webs.slice(1) : webs;
      const portone = new HttpClient(new URL(platform.portoneUrl), stats, 128);
      const saleDeadline = opensAtMs + options.maxSaleSeconds * 1000;
      const frontHalf = Math.max(1, Math.floor(sale.hallSeats / 2));
      // u³ puts half the picks in the first eighth of the map (the floor's VIP rows come first).
      const world = { portone, sale, holdSeconds: options.holdSeconds, deadlineMs: saleDeadline, frontBias: (u: number) => Math.floor(frontHalf * 2 * u ** 3) };
      const plans = planFans(
        options.fans,
        { preQueueSeconds: options.preQueueSeconds, preQueueShare: options.preQueueShare, spikeSeconds: options.spikeSeconds, spikeShare: options.spikeShare, tailSeconds: options.tailSeconds },
        { bestAvailable: options.bestAvailableShare, declined: options.declineShare, abandoned: options.abandonShare, late: options.lateShare, cancels: options.cancelShare },
        options.seed,
      );
      const sampler = new ProcessSampler(platform.processGroups());
      const monitor = new SaleMonitor(db, redis, sale);
      say(`sale: ${options.fans} fans, opening in ${Math.round((opensAtMs - Date.now()) / 1000)} s, ${options.admitPerMinute} admitted a minute, ${sale.hallSeats} seats`);
      sampler.start();
      monitor.start();
      const saleStartedAt = Date.now();
      const side = await startSideShows(options, { platform, db, sale, users, stats, opensAtMs, saleDeadline });
      const results: FanResult[] = await Promise.all(
        plans.map(
          (plan, i) =>
            new Promise<FanResult>((resolve) => {
              setTimeout(() => void new Fan(plan, users[i]!, { ...world, web: { queue: webs[0]!, sale: saleWebs[i % saleWebs.length]! } }).run().then(resolve), Math.max(0, opensAtMs + plan.arrivalMs - Date.now()));
            }),
        ),
      );
      const saleEndedAt = Date.now();
      if (options.fanLog) writeFileSync(options.fanLog, results.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const sideResults = await side.finish();
      say(`sale over after ${Math.round((saleEndedAt - opensAtMs) / 1000)} s from the opening; settling (reconciler, expiries)…`);

      // Settle: the unpaid holds expire, the reconciler looks up what PortOne never told us.
      const settleStarted = Date.now();
      let invariants: Invariants = await readInvariants(db, sale.performanceId, sale.hallSeats);
      while (Date.now() - settleStarted < options.settleSeconds * 1000) {
        const unsettled = await countUnsettled(db, sale.performanceId).catch(() => 1);
        invariants = await readInvariants(db, sale.performanceId, sale.hallSeats).catch(() => invariants);
        if (unsettled === 0 && invariants.paidButNotConfirmed === 0 && invariants.confirmedButNotPaid === 0) break;
        await new Promise((r) => setTimeout(r, 2_000));
      }
      const settledAfterMs = Date.now() - settleStarted;
      sampler.stop();
      monitor.stop();
      for (const web of webs) web.close();
      portone.close();

      const report = buildReport({
        options,
        machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? 'unknown', memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, loadAverageAtStart, loadAverageAtEnd: os.loadavg().map((l) => Math.round(l * 100) / 100) },
        sale,
        results,
        invariants,
        unsettledAtEnd: await countUnsettled(db, sale.performanceId),
        settledAfterMs,
        inversions: countQueueInversions(results, monitor.preQueueScores, sideResults.faults?.redisOutages),
        admission: admissionRate(results, { sessionSeconds: SESSION_SECONDS, admitPerMinute: options.admitPerMinute, backlogUntilMs: monitor.backlogUntilMs }),
        outbox: await outboxLag(db, saleStartedAt),
        confirmation: await confirmationLag(db, sale.performanceId),
        endpoints: stats.summary(),
        fanErrors: stats.countWhere((s) => s === 0 || s >= 500),
        processes: sampler.usage(),
        ceilings,
        timing: { opensAtMs, saleSeconds: (saleEndedAt - opensAtMs) / 1000, totalSeconds: (Date.now() - startedAt) / 1000, allTakenAfterSeconds: at(monitor.allTakenAtMs, opensAtMs), soldOutAfterSeconds: at(monitor.soldOutAtMs, opensAtMs) },
        peakQueueDepth: monitor.peakQueueDepth,
        faults: sideResults.faults?.log ?? null,
        abuse: sideResults.abuse,
      });
      return { report, ok: report.invariantsHold };
    } finally {
      redis.disconnect();
      await db.$disconnect();
    }
  } finally {
    await platform.stop().catch((e) => say(`stopping: ${String(e)}`));
    rmSync(runDir, { recursive: true, force: true });
  }
}

const at = (ms: number | null, origin: number) => (ms === null ? null : Math.round((ms - origin) / 100) / 10);

/** The fault schedule and the abuser run beside the fans when asked for. */
async function startSideShows(options: SimOptions, context: SideShowContext) {
  const faults = options.faults ? startFaults(context) : null;
  const abuse = options.abuse ? startAbuse(context) : null;
  return {
    finish: async () => ({ faults: faults ? await faults.finish() : null, abuse: abuse ? await abuse.finish() : null }),
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve('bench/open-day/main.ts')) {
  const options = parseSimOptions(process.argv.slice(2));
  const hardStop = setTimeout(() => {
    process.stderr.write('bench:open: the hard time limit passed; exiting\n');
    process.exit(2);
  }, (options.maxSaleSeconds + options.settleSeconds + options.preQueueSeconds + 600) * 1000);
  hardStop.unref();
  const { report, ok } = await runOpenDay(options);
  mkdirSync(path.dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(report, null, 2)}\n`);
  say('');
  say(summarise(report));
  say(`\nreport: ${options.out}`);
  process.exit(ok ? 0 : 1);
}
