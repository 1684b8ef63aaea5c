// CPU and memory per process of the platform, from Linux /proc: each named group is a root pid
// and every process under it (PostgreSQL forks a backend per connection, `next start` may fork).
// A group's root can change (a restarted worker), so groups are functions read at each sample.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const PAGE_KIB = 4;

type ProcRow = { pid: number; ppid: number; cpuTicks: number; rssKib: number };

function readProcesses(): ProcRow[] {
  const rows: ProcRow[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]!.split(' ');
      rows.push({ pid: Number(name), ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), rssKib: Number(fields[21]) * PAGE_KIB });
    } catch {
      // gone between readdir and read
    }
  }
  return rows;
}

function withDescendants(rows: ProcRow[], roots: number[]): ProcRow[] {
  const children = new Map<number, ProcRow[]>();
  for (const row of rows) children.set(row.ppid, [...(children.get(row.ppid) ?? []), row]);
  const byPid = new Map(rows.map((r) => [r.pid, r]));
  const out: ProcRow[] = [];
  const stack = roots.map((pid) => byPid.get(pid)).filter((r): r is ProcRow => r !== undefined);
  while (stack.length) {
    const row = stack.pop()!;
    out.push(row);
    stack.push(...(children.get(row.pid) ?? []));
  }
  return out;
}

/** A group's root pids, and whether the processes under them count too (not for the load generator, whose children are the platform). */
export type ProcessGroups = Record<string, { roots: () => number[]; descendants: boolean }>;
export type ProcessUsage = { cpuSeconds: number; cpuShare: number; coresUsed: number; rssMiBPeak: number; rssMiBEnd: number };

/**
 * Samples every second: CPU ticks per pid (a pid seen once keeps its last value after it ends,
 * so a killed worker's CPU still counts) and the group's summed RSS (peak and last).
 */
export class ProcessSampler {
  private readonly lastTicks = new Map<string, Map<number, number>>();
  private readonly firstTicks = new Map<string, Map<number, number>>();
  private readonly rssPeak = new Map<string, number>();
  private readonly rssLast = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private stoppedAt = 0;
  readonly available = existsSync('/proc/self/stat');

  constructor(private readonly groups: ProcessGroups) {}

  start() {
    if (!this.available) return;
    this.startedAt = Date.now();
    this.sample(true);
    this.timer = setInterval(() => this.sample(false), 1_000);
    this.timer.unref();
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
    if (this.available) this.sample(false);
    this.stoppedAt = Date.now();
  }

  private sample(first: boolean) {
    const rows = readProcesses();
    for (const [name, group] of Object.entries(this.groups)) {
      const members = group.descendants ? withDescendants(rows, group.roots()) : rows.filter((r) => group.roots().includes(r.pid));
      const ticks = this.lastTicks.get(name) ?? new Map<number, number>();
      const firsts = this.firstTicks.get(name) ?? new Map<number, number>();
      for (const row of members) {
        // A process first seen after the start counts from zero: its whole life is inside the window.
        if (!firsts.has(row.pid)) firsts.set(row.pid, first ? row.cpuTicks : 0);
        ticks.set(row.pid, row.cpuTicks);
      }
      this.lastTicks.set(name, ticks);
      this.firstTicks.set(name, firsts);
      const rss = members.reduce((sum, r) => sum + r.rssKib, 0);
      this.rssLast.set(name, rss);
      this.rssPeak.set(name, Math.max(this.rssPeak.get(name) ?? 0, rss));
    }
  }

  usage(): Record<string, ProcessUsage> {
    const seconds = Math.max(0.001, (this.stoppedAt - this.startedAt) / 1000);
    const cpu = new Map<string, number>();
    for (const name of Object.keys(this.groups)) {
      const last = this.lastTicks.get(name) ?? new Map();
      const first = this.firstTicks.get(name) ?? new Map();
      let ticks = 0;
      for (const [pid, value] of last) ticks += value - (first.get(pid) ?? 0);
      cpu.set(name, ticks / TICKS_PER_SECOND);
    }
    const total = [...cpu.values()].reduce((a, b) => a + b, 0) || 1;
    return Object.fromEntries(
      Object.keys(this.groups).map((name) => [
        name,
        {
          cpuSeconds: Math.round(cpu.get(name)! * 10) / 10,
          cpuShare: Math.round((cpu.get(name)! / total) * 1000) / 1000,
          coresUsed: Math.round((cpu.get(name)! / seconds) * 100) / 100,
          rssMiBPeak: Math.round((this.rssPeak.get(name) ?? 0) / 1024),
          rssMiBEnd: Math.round((this.rssLast.get(name) ?? 0) / 1024),
        } satisfies ProcessUsage,
      ]),
    ) as Record<string, ProcessUsage>;
  }
}
