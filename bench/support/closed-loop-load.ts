// Closed-loop HTTP load on loopback: `concurrency` keep-alive connections, each sending its next
// request when the last one answered, until `count` requests or `durationMs` pass. Latencies
// are per request; `ok` decides which answers count as successes.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export type LoadRequest = { method: string; path: string; headers?: Record<string, string>; body?: unknown };
export type LoadResult = { requests: number; ok: number; failed: number; rps: number; p50Ms: number; p99Ms: number; statuses: Record<string, number> };

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}
export const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export function summarise(latencies: number[], elapsedMs: number, ok: number, statuses: Record<string, number>): LoadResult {
  latencies.sort((a, b) => a - b);
  return {
    requests: latencies.length,
    ok,
    failed: latencies.length - ok,
    rps: Math.round(latencies.length / (elapsedMs / 1000)),
    p50Ms: round(percentile(latencies, 50)),
    p99Ms: round(percentile(latencies, 99)),
    statuses,
  };
}

/** Runs `operation` in a closed loop with `concurrency` in flight; the same bounds as HTTP load. */
export async function closedLoop(
  options: { concurrency: number; count?: number; durationMs?: number },
  operation: (i: number) => Promise<string>,
): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let next = 0;
  let ok = 0;
  const end = performance.now() + (options.durationMs ?? Infinity);
  const limit = options.count ?? Infinity;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (next < limit && performance.now() < end) {
        const i = next++;
        const t = performance.now();
        const outcome = await operation(i).catch((e: Error) => `error:${e.message.slice(0, 40)}`);
        latencies.push(performance.now() - t);
        statuses[outcome] = (statuses[outcome] ?? 0) + 1;
        if (outcome === 'ok') ok++;
      }
    }),
  );
  return summarise(latencies, performance.now() - started, ok, statuses);
}

export async function httpLoad(
  port: number,
  options: { concurrency: number; count?: number; durationMs?: number; ok?: (status: number) => boolean },
  request: (i: number) => LoadRequest,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.concurrency });
  const isOk = options.ok ?? ((status) => status >= 200 && status < 300);
  try {
    return await closedLoop(options, (i) => {
      const spec = request(i);
      const payload = spec.body === undefined ? undefined : JSON.stringify(spec.body);
      return new Promise<string>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            method: spec.method,
            path: spec.path,
            agent,
            headers: { ...spec.headers, ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(isOk(res.statusCode!) ? 'ok' : String(res.statusCode)));
          },
        );
        req.on('error', reject);
        req.end(payload);
      });
    });
  } finally {
    agent.destroy();
  }
}
