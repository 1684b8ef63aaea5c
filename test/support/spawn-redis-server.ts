// A private redis-server process on a fixed port that a test can stop and start again, to
// prove what happens while Redis is down.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';

export type RedisProcess = { url: string; pid(): number | undefined; stop(): Promise<void>; start(): Promise<void> };

async function waitForPort(port: number, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1', () => (socket.destroy(), resolve(true)));
      socket.on('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server did not listen on ${port}`);
}

// Under `faketime` (the suite is run with the clock a year ahead) the preload library is inherited
// by children, and redis-server never comes up under it; the server keeps the real clock.
export function redisServerEnv(): NodeJS.ProcessEnv {
  const { LD_PRELOAD: _preload, FAKETIME: _offset, ...env } = process.env;
  return env;
}

export async function spawnRedisServer(port: number): Promise<RedisProcess> {
  let child: ChildProcess | undefined;
  const handle: RedisProcess = {
    url: `redis://127.0.0.1:${port}`,
    pid: () => child?.pid,
    async start() {
      child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore', env: redisServerEnv() });
      await waitForPort(port);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
  await handle.start();
  return handle;
}
