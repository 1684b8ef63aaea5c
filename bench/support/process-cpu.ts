// CPU time of processes on this machine (Linux /proc), to say where a phase's cores went: the
// ratios alone do not tell a slow route from a starved one on a 2-core machine.
import { readFileSync } from 'node:fs';

const TICK_MICROS = 10_000; // USER_HZ is 100 on Linux

/** User + system CPU of a process so far, in µs; NaN where /proc is not there. */
export function cpuMicrosOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MICROS;
  } catch {
    return NaN;
  }
}

/** Runs `phase` and adds, per named process, its CPU µs per request of the phase's result. */
export async function withCpuPerRequest<T extends { requests: number }>(
  pids: Record<string, number[]>,
  phase: () => Promise<T>,
): Promise<T & { cpuMicrosPerRequest: Record<string, number> }> {
  const sum = (list: number[]) => list.reduce((total, pid) => total + (pid === process.pid ? ownCpuMicros() : cpuMicrosOf(pid)), 0);
  const before = Object.fromEntries(Object.entries(pids).map(([name, list]) => [name, sum(list)]));
  const result = await phase();
  const cpuMicrosPerRequest = Object.fromEntries(
    Object.entries(pids).map(([name, list]) => [name, Math.round((sum(list) - before[name]!) / result.requests)]),
  );
  return { ...result, cpuMicrosPerRequest };
}

function ownCpuMicros(): number {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

