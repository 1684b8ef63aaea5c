// --faults: during the sale, one after another (seconds after the opening):
//   3-38  SIGKILL one process of each worker role and start it again (7 s apart);
//   45    Redis dies and comes back empty (holds, queue places, seat bitmap, rate buckets lost);
//   60    the Kafka mock cluster stops answering for 30 s (SIGSTOP … SIGCONT);
//   95    PostgreSQL restarts;
//   105   PortOne loses every webhook for 20 s, then (125) sends each twice for 20 s.
// Each fault's cost: how long the piece was gone, how long until the sale worked again, and the
// 5xx or unanswered requests the fans met from the fault until 10 s after its recovery.
import type { SideShow, SideShowContext } from './side-show';
import type { WorkerRole } from './platform';
import { WORKER_ROLES } from './platform';

export type FaultCost = {
  fault: string;
  atSecondsAfterOpening: number;
  /** Kill → ready again (a restart), or how long the piece was made unreachable. */
  downMs: number;
  /** From the end of the fault until the probe of what it broke answered again. */
  recoveryMs: number | null;
  fanErrors: number;
  note?: string;
};
export type FaultLog = FaultCost[];

const ERROR_TAIL_MS = 10_000;
const sleepUntil = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms - Date.now())));

async function until(probe: () => Promise<boolean>, timeoutMs = 120_000): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await probe().catch(() => false)) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  return null;
}

/** The fault log, and when Redis was down (a new waiting-room queue starts after each). */
export type FaultResult = { log: FaultLog; redisOutages: Array<[number, number]> };

export function startFaults(context: SideShowContext): SideShow<FaultResult> {
  const { platform, opensAtMs, stats, db, sale } = context;
  const log: FaultLog = [];
  const redisOutages: Array<[number, number]> = [];
  const at = (seconds: number) => opensAtMs + seconds * 1000;
  const ok = (url: string) => fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok);
  const apiReady = () => ok(`http://127.0.0.1:${platform.options.ports.api}/health/ready`);
  const seatMapServed = () => ok(`${platform.nextUrl}/api/catalog/performances/${sale.performanceId}/availability?format=binary`);
  const setPortOneFaults = (faults: Record<string, boolean>) =>
    fetch(`${platform.portoneUrl}/__stand-in/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });

  async function record(fault: string, startedAt: number, run: () => Promise<{ downMs: number; recoveryMs: number | null; note?: string }>) {
    const { downMs, recoveryMs, note } = await run();
    const settledAt = Date.now();
    log.push({ fault, atSecondsAfterOpening: Math.round((startedAt - opensAtMs) / 100) / 10, downMs, recoveryMs, fanErrors: 0, ...(note ? { note } : {}) });
    const entry = log[log.length - 1]!;
    // The errors are counted once the tail has passed.
    setTimeout(() => (entry.fanErrors = stats.errorsBetween(startedAt, settledAt + ERROR_TAIL_MS)), ERROR_TAIL_MS).unref();
    tails.push(new Promise((r) => setTimeout(r, ERROR_TAIL_MS + 50)));
  }
  const tails: Promise<unknown>[] = [];

  const running = (async () => {
    for (const [k, role] of WORKER_ROLES.entries()) {
      await sleepUntil(at(3 + 7 * k));
      const startedAt = Date.now();
      await record(`SIGKILL worker ${role}`, startedAt, async () => {
        const downMs = await platform.killAndRestartWorker(role as WorkerRole);
        return { downMs, recoveryMs: role === 'api' ? await until(apiReady) : 0 };
      });
    }

    await sleepUntil(at(45));
    await record('restart Redis', Date.now(), async () => {
      const down = Date.now();
      const downMs = await platform.restartRedis();
      redisOutages.push([down, Date.now()]);
      return { downMs, recoveryMs: await until(seatMapServed), note: 'holds, queue places and the seat bitmap are lost; fans rejoin, the bitmap is rebuilt from PostgreSQL' };
    });

    await sleepUntil(at(60));
    await record('Kafka unreachable 30 s', Date.now(), async () => {
      platform.kafka.freeze();
      await new Promise((r) => setTimeout(r, 30_000));
      platform.kafka.thaw();
      const recoveryMs = await until(async () => {
        const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM common.outbox_events WHERE published_at IS NULL`);
        return row!.n === 0;
      });
      return { downMs: 30_000, recoveryMs, note: 'recovery: until the outbox backlog is published' };
    });

    await sleepUntil(at(95));
    await record('restart PostgreSQL', Date.now(), async () => {
      const downMs = await platform.restartPostgres();
      return { downMs, recoveryMs: await until(apiReady) };
    });

    await sleepUntil(at(105));
    await record('PortOne webhooks dropped 20 s', Date.now(), async () => {
      await setPortOneFaults({ webhookLost: true });
      await new Promise((r) => setTimeout(r, 20_000));
      await setPortOneFaults({ webhookLost: false });
      return { downMs: 20_000, recoveryMs: 0, note: 'payments settle from the browser return or the reconciler' };
    });
    await record('PortOne webhooks duplicated 20 s', Date.now(), async () => {
      await setPortOneFaults({ webhookDuplicated: true });
      await new Promise((r) => setTimeout(r, 20_000));
      await setPortOneFaults({ webhookDuplicated: false });
      return { downMs: 20_000, recoveryMs: 0, note: 'each delivery takes effect once (unique webhook id)' };
    });
    await Promise.all(tails);
  })();

  return {
    async finish() {
      await running;
      return { log, redisOutages };
    },
  };
}
