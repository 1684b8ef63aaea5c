// A real three-master Redis Cluster on loopback, private to one test file: three
// `redis-server --cluster-enabled yes` children on free ports, joined by `redis-cli --cluster
// create`. stop() kills exactly those children and removes their folder.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { redisServerEnv } from './spawn-redis-server';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Cluster } from 'ioredis';

const run = promisify(execFile);

export type RedisCluster = { nodes: { host: string; port: number }[]; connect(): Cluster; stop(): Promise<void> };

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer().once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** A port whose cluster bus port (port + 10000) is free too. */
async function freePort(taken: Set<number>): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 30_000);
    if (taken.has(port)) continue;
    if ((await isFree(port)) && (await isFree(port + 10_000))) return port;
  }
}

async function waitForPing(port: number, deadlineMs: number) {
  while (Date.now() < deadlineMs) {
    const answer = await run('redis-cli', ['-p', String(port), 'ping'], { env: redisServerEnv() }).then((r) => r.stdout.trim(), () => '');
    if (answer === 'PONG') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on ${port} did not answer`);
}

export async function startRedisCluster(): Promise<RedisCluster> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'openseat-redis-cluster-'));
  const children: ChildProcess[] = [];
  const ports: number[] = [];
  const stop = async () => {
    await Promise.all(
      children.filter((c) => c.exitCode === null).map(async (child) => {
        const exited = once(child, 'exit');
        child.kill('SIGKILL');
        await exited;
      }),
    );
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const taken = new Set<number>();
    for (let i = 0; i < 3; i++) {
      const port = await freePort(taken);
      taken.add(port);
      ports.push(port);
      // prettier-ignore
      children.push(spawn('redis-server', [
        '--port', String(port), '--bind', '127.0.0.1', '--cluster-enabled', 'yes',
        '--cluster-config-file', `nodes-${port}.conf`, '--save', '', '--appendonly', 'no', '--dir', dir,
      ], { stdio: 'ignore', env: redisServerEnv() }));
    }
    const deadline = Date.now() + 10_000;
    for (const port of ports) await waitForPing(port, deadline);
    await run('redis-cli', ['--cluster', 'create', ...ports.map((p) => `127.0.0.1:${p}`), '--cluster-replicas', '0', '--cluster-yes'], { env: redisServerEnv() });
    for (const port of ports) {
      for (;;) {
        const info = await run('redis-cli', ['-p', String(port), 'cluster', 'info'], { env: redisServerEnv() }).then((r) => r.stdout);
        if (info.includes('cluster_state:ok')) break;
        if (Date.now() > deadline) throw new Error(`cluster not ready on ${port}:\n${info}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const nodes = ports.map((port) => ({ host: '127.0.0.1', port }));
  return {
    nodes,
    // The production client options (lib/redis/create-redis.ts) that carry over to a cluster.
    connect: () => new Cluster(nodes, { enableAutoPipelining: true, redisOptions: { maxRetriesPerRequest: 2, connectTimeout: 2_000 } }),
    stop,
  };
}
