// The platform as production runs it, on loopback: PostgreSQL (embedded, its own data folder),
// a private redis-server, librdkafka's mock Kafka cluster, the PortOne stand-in in a process of
// its own, one process per worker role, and `next start` of the production build on as many
// instances as asked (Vercel runs the gateway on as many as the traffic needs; one Node process
// uses one core). Every piece can be killed and started again, which is what the fault schedule does.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../scripts/embedded/start-embedded-postgres';
import { startKafkaMockCluster, type KafkaMockCluster } from '../../scripts/kafka-mock-cluster';
import { spawnRedisServer, type RedisProcess } from '../../test/support/spawn-redis-server';
import { BENCH_SECRETS } from '../support/bench-secrets';
import type { ProcessGroups } from './process-stats';

export const WORKER_ROLES = ['api', 'admission', 'reservations', 'payments', 'relay', 'stats'] as const;
export type WorkerRole = (typeof WORKER_ROLES)[number];

/** `web`: one port per `next start` instance; the first is the site's public address (PortOne's webhooks go there). */
export type PlatformPorts = { web: number[]; api: number; portone: number; redis: number; postgres: number };

export type PlatformOptions = {
  ports: PlatformPorts;
  /** Data and logs of this run (PostgreSQL's data folder lives here too). */
  runDir: string;
  holdSeconds: number;
  /** PortOne's side of the sale: the stand-in's keys (fixed per run, so a restarted worker verifies the same webhooks). */
  portone: { apiSecret: string; webhookSecret: string; storeId: string };
  /** How soon the payments role looks up a payment PortOne never told us about. */
  reconcileAfterSeconds: number;
};

/** One child process that can be killed and started again with the same command. */
class Child {
  process: ChildProcess | undefined;
  constructor(
    readonly name: string,
    private readonly args: string[],
    private readonly env: NodeJS.ProcessEnv,
    private readonly logPath: string,
    private readonly ready: (child: Child) => Promise<void>,
  ) {}

  output = '';

  async start(): Promise<number> {
    const startedAt = Date.now();
    const log = createWriteStream(this.logPath, { flags: 'a' });
    this.output = '';
    const child = spawn(process.execPath, this.args, { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout!.on('data', (chunk: Buffer) => {
      if (this.output.length < 20_000) this.output += chunk.toString();
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    this.process = child;
    await this.ready(this);
    return Date.now() - startedAt;
  }

  pid(): number | undefined {
    return this.process?.exitCode === null ? this.process.pid : undefined;
  }

  async kill(signal: NodeJS.Signals): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const killer = setTimeout(() => child.kill('SIGKILL'), 35_000);
    child.kill(signal);
    await exited;
    clearTimeout(killer);
  }
}

async function waitFor(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, gone?: () => boolean) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (gone?.()) throw new Error(`${what} exited while starting`);
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not come up in ${timeoutMs} ms`);
}

const httpOk = (url: string) => fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
const exited = (child: Child) => () => child.process?.exitCode !== null && child.process?.exitCode !== undefined;

export class Platform {
  postgres!: EmbeddedPostgresHandle;
  redis!: RedisProcess;
  kafka!: KafkaMockCluster;
  portone!: Child;
  workers = new Map<WorkerRole, Child>();
  web: Child[] = [];
  databaseUrl = '';
  private postgresDir: string;

  constructor(readonly options: PlatformOptions) {
    // A folder of its own: initdb runs as the postgres user, who cannot enter the run folder (0700).
    this.postgresDir = mkdtempSync(path.join(os.tmpdir(), 'openseat-open-day-pg-'));
  }

  get webUrls() {
    return this.options.ports.web.map((port) => `http://127.0.0.1:${port}`);
  }
  get nextUrl() {
    return this.webUrls[0]!;
  }
  get portoneUrl() {
    return `http://127.0.0.1:${this.options.ports.portone}`;
  }
  get redisUrl() {
    return this.redis.url;
  }

  async startDataServices(): Promise<void> {
    this.postgres = await startEmbeddedPostgres({ dataDir: this.postgresDir, persistent: true, port: this.options.ports.postgres });
    await ensureDatabase(this.postgres.serverUrl, 'openseat');
    this.databaseUrl = this.postgres.urlFor('openseat');
    this.redis = await spawnRedisServer(this.options.ports.redis);
    this.kafka = await startKafkaMockCluster();
  }

  private log(name: string) {
    return path.join(this.options.runDir, `${name}.log`);
  }

  private workerEnv(role: WorkerRole): NodeJS.ProcessEnv {
    const { ports, portone } = this.options;
    return {
      ...process.env,
      ...BENCH_SECRETS,
      NODE_ENV: 'production',
      LOG_LEVEL: role === 'api' ? 'warn' : 'info',
      DATABASE_URL: this.databaseUrl,
      DATABASE_POOL_SIZE: role === 'api' ? '20' : '5',
      REDIS_URL: this.redis.url,
      WORKER_HOST: '127.0.0.1',
      // The api listens on its port; a loop role answers only its liveness probe, on any free port.
      WORKER_PORT: role === 'api' ? String(ports.api) : '0',
      KAFKA_BROKERS: this.kafka.brokers.join(','),
      KAFKA_CLIENT_ID: `openseat-${role}`,
      // A killed consumer's partitions return after one session timeout (the mock cluster: see OFFLINE-NOTES).
      KAFKA_SESSION_TIMEOUT_MS: '6000',
      RELAY_LINGER_MS: '50',
      SEAT_HOLD_SECONDS: String(this.options.holdSeconds),
      PORTONE_API_URL: this.portoneUrl,
      PORTONE_STORE_ID: portone.storeId,
      PORTONE_CHANNEL_KEY: 'channel-key-bench',
      PORTONE_API_SECRET: portone.apiSecret,
      PORTONE_WEBHOOK_SECRETS: portone.webhookSecret,
      PORTONE_CHECKOUT_URL: `${this.portoneUrl}/checkout`,
      PAYMENT_PENDING_MINUTES: String(this.options.reconcileAfterSeconds / 60),
      PAYMENT_RECONCILE_INTERVAL_MS: '2000',
      PAYMENT_WEBHOOK_RETRY_SECONDS: '5',
      SHUTDOWN_GRACE_MS: '5000',
    };
  }

  async startApplication(): Promise<void> {
    const { ports, portone } = this.options;
    this.portone = new Child(
      'portone',
      [
        '--import', 'tsx', 'stand-ins/portone/main.ts',
        '--port', String(ports.portone),
        '--api-secret', portone.apiSecret,
        '--store-id', portone.storeId,
        '--webhook-secret', portone.webhookSecret,
        // As a real store is set up: PortOne calls the public site, which forwards to the workers.
        '--webhook-url', `${this.nextUrl}/api/webhooks/portone`,
      ],
      process.env,
      this.log('portone'),
      (child) => waitFor('PortOne stand-in', () => child.output.includes('PortOne stand-in on'), 240_000, exited(child)),
    );
    await this.portone.start();
    for (const role of WORKER_ROLES) {
      const child = new Child(
        role,
        ['--import', 'tsx', '--import', './test/support/kafka-mock-cluster-preload.ts', 'workers/main.ts', `--role=${role}`],
        this.workerEnv(role),
        this.log(`worker-${role}`),
        (c) =>
          role === 'api'
            ? waitFor('worker api', () => httpOk(`http://127.0.0.1:${ports.api}/health/ready`), 240_000, exited(c))
            : waitFor(`worker ${role}`, () => c.output.includes('worker fleet started'), 240_000, exited(c)),
      );
      this.workers.set(role, child);
    }
    // The roles boot in parallel (each costs a tsx compile): on 2 cores one after another took ~40 s.
    await Promise.all([...this.workers.values()].map((w) => w.start()));
    this.web = ports.web.map(
      (port, i) =>
        new Child(`next-${i}`, ['node_modules/next/dist/bin/next', 'start', '-p', String(port), '-H', '127.0.0.1'], this.webEnv(`http://127.0.0.1:${ports.api}`), this.log(`next-${i}`), (c) =>
          waitFor(`next start on ${port}`, () => httpOk(`http://127.0.0.1:${port}/api/events`), 240_000, exited(c)),
        ),
    );
    await Promise.all(this.web.map((instance) => instance.start()));
  }

  webEnv(workerApiUrl: string): NodeJS.ProcessEnv {
    return {
      ...process.env,
      ...BENCH_SECRETS,
      NODE_ENV: 'production',
      DATABASE_URL: this.databaseUrl,
      REDIS_URL: this.redis.url,
      WORKER_API_URL: workerApiUrl,
    };
  }

  /** SIGKILL one role's process and start it again; resolves with the milliseconds until it was ready. */
  async killAndRestartWorker(role: WorkerRole): Promise<number> {
    const child = this.workers.get(role)!;
    const at = Date.now();
    await child.kill('SIGKILL');
    await child.start();
    return Date.now() - at;
  }

  /** Redis dies (every hold, queue place and rate-limit bucket with it) and comes back empty. */
  async restartRedis(): Promise<number> {
    const at = Date.now();
    await this.redis.stop();
    await this.redis.start();
    return Date.now() - at;
  }

  async restartPostgres(): Promise<number> {
    const at = Date.now();
    await this.postgres.stop();
    this.postgres = await startEmbeddedPostgres({ dataDir: this.postgresDir, persistent: true, port: this.options.ports.postgres });
    return Date.now() - at;
  }

  /** The processes to measure, by name (read at each sample: restarts change pids). */
  processGroups(): ProcessGroups {
    const postmaster = () => {
      const file = path.join(this.postgresDir, 'postmaster.pid');
      return existsSync(file) ? [Number(readFileSync(file, 'utf8').split('\n')[0])] : [];
    };
    const tree = (roots: () => number[]) => ({ roots, descendants: true });
    const pidOf = (child: Child | undefined) =>
      tree(() => {
        const pid = child?.pid();
        return pid ? [pid] : [];
      });
    return {
      next: tree(() => this.web.flatMap((instance) => instance.pid() ?? [])),
      ...Object.fromEntries(WORKER_ROLES.map((role) => [`worker-${role}`, pidOf(this.workers.get(role))])),
      postgres: tree(postmaster),
      redis: tree(() => {
        const pid = this.redis.pid();
        return pid ? [pid] : [];
      }),
      kafkaMock: tree(() => [this.kafka.pid]),
      portoneStandIn: pidOf(this.portone),
      loadGenerator: { roots: () => [process.pid], descendants: false },
    };
  }

  async stop(): Promise<void> {
    await Promise.all(this.web.map((instance) => instance.kill('SIGTERM')));
    await Promise.all([...this.workers.values()].map((w) => w.kill('SIGTERM')));
    await this.portone?.kill('SIGTERM');
    await this.kafka?.stop().catch(() => undefined);
    await this.redis?.stop().catch(() => undefined);
    await this.postgres?.stop().catch(() => undefined);
    rmSync(this.postgresDir, { recursive: true, force: true });
  }
}

