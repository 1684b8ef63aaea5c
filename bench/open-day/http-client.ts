// The simulated browsers' HTTP: keep-alive node:http against the Next server, every answer
// recorded per endpoint (latency, status, second of the run) for the report. A request that
// gets no answer within REQUEST_TIMEOUT_MS counts as status 0, as a browser's fetch would give up.
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const REQUEST_TIMEOUT_MS = 30_000;

export type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; json<T>(): T };

type Sample = { latenciesMs: number[]; statuses: Map<number, number>; perSecond: Map<number, number>; first: number; last: number };

/** Per-endpoint latency and status counts, and per-second counts for peak throughput. */
export class EndpointStats {
  private readonly samples = new Map<string, Sample>();
  /** When each 5xx or unanswered request ended (epoch ms), to charge errors to the fault that caused them. */
  readonly errorTimes: number[] = [];
  constructor(private readonly origin = performance.now()) {}

  record(endpoint: string, startedAt: number, status: number) {
    const now = performance.now();
    let sample = this.samples.get(endpoint);
    if (!sample) this.samples.set(endpoint, (sample = { latenciesMs: [], statuses: new Map(), perSecond: new Map(), first: startedAt, last: now }));
    sample.latenciesMs.push(now - startedAt);
    sample.statuses.set(status, (sample.statuses.get(status) ?? 0) + 1);
    const second = Math.floor((now - this.origin) / 1000);
    sample.perSecond.set(second, (sample.perSecond.get(second) ?? 0) + 1);
    sample.first = Math.min(sample.first, startedAt);
    sample.last = Math.max(sample.last, now);
    if (status === 0 || status >= 500) this.errorTimes.push(Date.now());
  }

  errorsBetween(fromMs: number, toMs: number): number {
    return this.errorTimes.filter((t) => t >= fromMs && t <= toMs).length;
  }

  summary(): Record<string, EndpointSummary> {
    const out: Record<string, EndpointSummary> = {};
    for (const [endpoint, s] of [...this.samples].sort(([a], [b]) => a.localeCompare(b))) {
      const sorted = [...s.latenciesMs].sort((a, b) => a - b);
      const activeSeconds = Math.max(0.001, (s.last - s.first) / 1000);
      out[endpoint] = {
        requests: sorted.length,
        meanPerSecond: round(sorted.length / activeSeconds, 1),
        peakPerSecond: Math.max(...s.perSecond.values()),
        p50Ms: round(percentile(sorted, 50), 1),
        p95Ms: round(percentile(sorted, 95), 1),
        p99Ms: round(percentile(sorted, 99), 1),
        maxMs: round(sorted[sorted.length - 1] ?? NaN, 1),
        statuses: Object.fromEntries([...s.statuses].sort(([a], [b]) => a - b).map(([k, v]) => [String(k), v])),
      };
    }
    return out;
  }

  /** Answers of any endpoint with one of these statuses (5xx and 0 = no answer: what a fan calls an error). */
  countWhere(test: (status: number) => boolean): number {
    let n = 0;
    for (const s of this.samples.values()) for (const [status, count] of s.statuses) if (test(status)) n += count;
    return n;
  }
}

export type EndpointSummary = {
  requests: number;
  meanPerSecond: number;
  peakPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  statuses: Record<string, number>;
};

export function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : NaN;
}
export const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export type RequestSpec = {
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  headers?: Record<string, string>;
  /** An object is sent as JSON; a string byte for byte (malformed and oversized bodies). */
  body?: unknown;
};

export class HttpClient {
  private readonly agent: http.Agent;
  constructor(
    private readonly base: URL,
    readonly stats: EndpointStats,
    maxSockets = 256,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  get origin(): string {
    return this.base.origin;
  }

  /** Sends one request and records it under `endpoint` (a route pattern, not the concrete path). */
  request(endpoint: string, spec: RequestSpec): Promise<Answer> {
    const startedAt = performance.now();
    const payload = spec.body === undefined ? undefined : typeof spec.body === 'string' ? spec.body : JSON.stringify(spec.body);
    const headers: Record<string, string> = { host: this.base.host, ...spec.headers };
    if (payload !== undefined) {
      headers['content-type'] ??= 'application/json';
      headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise<Answer>((resolve) => {
      const done = (status: number, responseHeaders: http.IncomingHttpHeaders, body: Buffer) => {
        this.stats.record(endpoint, startedAt, status);
        resolve({ status, headers: responseHeaders, body, json: <T>() => JSON.parse(body.toString('utf8') || 'null') as T });
      };
      const request = http.request(
        { host: this.base.hostname, port: this.base.port, method: spec.method, path: spec.path, headers, agent: this.agent, timeout: REQUEST_TIMEOUT_MS },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => done(response.statusCode ?? 0, response.headers, Buffer.concat(chunks)));
          response.on('error', () => done(0, {}, Buffer.alloc(0)));
        },
      );
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', () => done(0, {}, Buffer.alloc(0)));
      if (payload !== undefined) request.write(payload);
      request.end();
    });
  }

  close() {
    this.agent.destroy();
  }
}

/** A browser's cookie jar for one origin: Set-Cookie in, Cookie out. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  set(name: string, value: string) {
    this.cookies.set(name, value);
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  take(headers: http.IncomingHttpHeaders) {
    for (const line of headers['set-cookie'] ?? []) {
      const [pair, ...attributes] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1);
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}
