// CPU time of processes on this machine (Linux /proc), to say where a phase's cores went: the
// ratios alone do not tell a slow route from a starved one on a 2-core machine.
import { existsSync, readFileSync, readdirSync } from 'node:fs';

const TICK_MICROS = 10_000; // USER_HZ is 100 on Linux
const HAS_PROC = existsSync('/proc/self/stat');

/** User + system CPU of a process so far, in µs; undefined once it is gone. */
function cpuMicrosOf(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MICROS;
  } catch {
    return undefined;
  }
}

/** PostgreSQL's processes (postmaster and backends) by command name: backends come and go with pools. */
export function postgresPids(): number[] {
  if (!HAS_PROC) return [];
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres';
      } catch {
        return false;
      }
    })
    .map(Number);
}

type Group = number[] | (() => number[]);

/**
 * Runs `phase` and adds, per named group of processes, its CPU µs per request of the phase's
 * result (nothing where /proc is missing). A group is a list of pids or a function listing them
 * at the start and at the end: a process that appears meanwhile counts from zero, one that ends
 * counts what it had used by the start.
 */
export async function withCpuPerRequest<T extends { requests: number }>(
  groups: Record<string, Group>,
  phase: () => Promise<T>,
): Promise<T & { cpuMicrosPerRequest?: Record<string, number> }> {
  if (!HAS_PROC) return phase();
  const pidsOf = (group: Group) => (typeof group === 'function' ? group() : group);
  const before = Object.entries(groups).map(([name, group]) => ({ name, group, start: new Map(pidsOf(group).map((pid) => [pid, cpuMicrosOf(pid) ?? 0])) }));
  const result = await phase();
  const cpuMicrosPerRequest: Record<string, number> = {};
  for (const { name, group, start } of before) {
    let used = 0;
    for (const pid of new Set([...start.keys(), ...pidsOf(group)])) used += (cpuMicrosOf(pid) ?? start.get(pid) ?? 0) - (start.get(pid) ?? 0);
    cpuMicrosPerRequest[name] = Math.round(used / result.requests);
  }
  return { ...result, cpuMicrosPerRequest };
}
