// Closed-loop HTTP load on loopback: `concurrency` keep-alive connections, each sending its next
// request when the last one answered, until `count` requests or `durationMs` pass. Latencies
// are per request; `ok` decides which answers count as successes.
import net from 'node:net';
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

/**
 * One keep-alive HTTP/1.1 connection with one request in flight, written and parsed by hand
 * (status line, Content-Length or chunked body, Connection: close). node:http's client cost the
 * load generator 100-220 µs of CPU per request on the 2-core bench machine, more than the bare
 * Fastify route it measured (~75 µs), and the generator shares those cores with the server;
 * this one costs a fraction of that, as wrk or autocannon would. Still a closed loop: the next
 * request leaves only after the whole answer arrived.
 */
class Connection {
  private socket: net.Socket | undefined;
  private buffer: Buffer = Buffer.alloc(0);
  private waiting: { resolve(status: number): void; reject(error: Error): void } | undefined;

  constructor(private readonly port: number) {}

  send(request: string): Promise<number> {
    const socket = this.socket ?? this.open();
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      socket.write(request);
    });
  }

  close() {
    this.socket?.destroy();
  }

  private open(): net.Socket {
    const socket = net.connect(this.port, '127.0.0.1');
    socket.setNoDelay(true);
    socket.on('data', (chunk) => this.receive(chunk));
    const fail = (error: Error) => {
      if (this.socket === socket) this.socket = undefined;
      this.buffer = Buffer.alloc(0);
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed before the answer')));
    this.socket = socket;
    return socket;
  }

  private receive(chunk: Buffer) {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const headEnd = this.buffer.indexOf('\r\n\r\n');
    if (headEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headEnd);
    const status = Number(head.slice(9, 12));
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    let end: number;
    if (length) {
      end = headEnd + 4 + Number(length[1]);
      if (this.buffer.length < end) return;
    } else if (/\r\ntransfer-encoding: *chunked/i.test(head)) {
      const bodyEnd = chunkedEnd(this.buffer, headEnd + 4);
      if (bodyEnd < 0) return;
      end = bodyEnd;
    } else {
      end = headEnd + 4; // 204/304 or an empty answer
    }
    this.buffer = this.buffer.subarray(end);
    if (/\r\nconnection: *close/i.test(head)) {
      const socket = this.socket;
      this.socket = undefined;
      socket?.removeAllListeners('close');
      socket?.destroy();
    }
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve(status);
  }
}

/** Where a chunked body that starts at `from` ends (after its last CRLF), or -1 while incomplete. */
function chunkedEnd(buffer: Buffer, from: number): number {
  let at = from;
  for (;;) {
    const lineEnd = buffer.indexOf('\r\n', at);
    if (lineEnd < 0) return -1;
    const size = parseInt(buffer.toString('latin1', at, lineEnd), 16);
    if (size === 0) {
      const trailerEnd = buffer.indexOf('\r\n\r\n', lineEnd);
      return trailerEnd < 0 ? -1 : trailerEnd + 4;
    }
    at = lineEnd + 2 + size + 2;
    if (buffer.length < at) return -1;
  }
}

/**
 * `ports`: one server, or several processes of one service; connections are spread over them in
 * turn, as a load balancer spreads connections over its targets.
 */
export async function httpLoad(
  ports: number | number[],
  options: { concurrency: number; count?: number; durationMs?: number; ok?: (status: number) => boolean },
  request: (i: number) => LoadRequest,
): Promise<LoadResult> {
  const isOk = options.ok ?? ((status) => status >= 200 && status < 300);
  const targets = Array.isArray(ports) ? ports : [ports];
  const idle = Array.from({ length: options.concurrency }, (_, k) => new Connection(targets[k % targets.length]!));
  try {
    return await closedLoop(options, async (i) => {
      const spec = request(i);
      const payload = spec.body === undefined ? '' : JSON.stringify(spec.body);
      let text = `${spec.method} ${spec.path} HTTP/1.1\r\nhost: 127.0.0.1\r\n`;
      for (const [name, value] of Object.entries(spec.headers ?? {})) text += `${name}: ${value}\r\n`;
      if (spec.body !== undefined) text += `content-type: application/json\r\ncontent-length: ${Buffer.byteLength(payload)}\r\n`;
      // closedLoop keeps at most `concurrency` operations in flight, so a connection is always free.
      const connection = idle.pop()!;
      try {
        const status = await connection.send(`${text}\r\n${payload}`);
        return isOk(status) ? 'ok' : String(status);
      } finally {
        idle.push(connection);
      }
    });
  } finally {
    for (const connection of idle) connection.close();
  }
}
