// Ctrl-C on `npm start` must leave no process behind: embedded PostgreSQL and Redis, the worker
// fleet and the Next server all stop. Runs a second platform on other ports (the web app is
// already built by the first), interrupts it as a terminal would, and checks every descendant.
import { spawn, execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { expect, test } from '@playwright/test';

function descendants(pid: number): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' });
  const children = new Map<number, number[]>();
  for (const line of out.trim().split('\n')) {
    const [child, parent] = line.trim().split(/\s+/).map(Number) as [number, number];
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const all: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (all.push(c), walk(c)));
  walk(pid);
  return all;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('Ctrl-C stops the platform and leaves no process behind', async () => {
  test.setTimeout(240_000);
  const port = 3950;
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { ...process.env, DATABASE_URL: '', REDIS_URL: '', KAFKA_BROKERS: '', PORT: String(port), WORKER_PORT: '4950', OPENSEAT_DATA_DIR: '.data-e2e-stop', OPENSEAT_EPHEMERAL: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));

  await expect.poll(() => output, { timeout: 180_000, intervals: [500] }).toContain('OpenSeat is running');
  const before = descendants(child.pid!);
  expect(before.length).toBeGreaterThanOrEqual(4); // postgres, redis-server, workers, next

  const exited = once(child, 'exit');
  child.kill('SIGINT');
  const [code] = await exited;
  expect(code).toBe(0);
  expect(output).toContain('stopped');
  await expect.poll(() => before.filter(alive), { timeout: 10_000 }).toEqual([]);
  const health = await fetch(`http://127.0.0.1:${port}/`).then(() => 'up', () => 'down');
  expect(health).toBe('down');
});
