// A process started without one of its secrets stops at boot with one line naming it: the worker
// fleet (workers/main.ts) and the web server (instrumentation.ts's register(), which Next runs
// before serving anything), each as a real child process, once per secret it requires. The fleet
// needs PortOne's store id and channel key as well, so it is tried without each of those too.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SECRETS, type SecretProcess } from '../lib/config/secret-env';
import { TEST_PORTONE_SETTINGS, TEST_SECRETS } from './support/test-secrets';

const baseEnv = {
  PATH: process.env.PATH!,
  HOME: process.env.HOME ?? '/root',
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://postgres@127.0.0.1:1/openseat',
  REDIS_URL: 'redis://127.0.0.1:1',
  WORKER_API_URL: 'http://127.0.0.1:1',
  WORKER_PORT: '0',
  ...TEST_SECRETS,
  ...TEST_PORTONE_SETTINGS,
};

const boots: Record<SecretProcess, { args: string[]; env: Record<string, string> }> = {
  workers: { args: ['--import', 'tsx', 'workers/main.ts', '--role=api'], env: {} },
  // The server's own boot step, outside Next's bundler: `react-server` resolves `server-only` as Next does.
  web: {
    args: ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', "await (await import('./instrumentation.ts')).register();"],
    env: { NEXT_RUNTIME: 'nodejs' },
  },
};

/** Runs the boot step; a worker fleet that got past its configuration is killed after `timeoutMs` (SIGKILL: on SIGTERM it would drain for up to 30 s, and spawnSync waits for it). */
function boot(process_: SecretProcess, env: Record<string, string>, timeoutMs = 45_000) {
  const result = spawnSync(process.execPath, boots[process_].args, { env: { ...env, ...boots[process_].env } as NodeJS.ProcessEnv, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  return { status: result.status, stderr: result.stderr.trim() };
}

const required = (process_: SecretProcess) =>
  Object.entries(SECRETS)
    .filter(([, spec]) => (spec.processes as readonly string[]).includes(process_) && !('optional' in spec))
    .map(([name]) => name as keyof typeof TEST_SECRETS);

describe.each(['workers', 'web'] as const)('the %s process without one of its secrets', (process_) => {
  it('gets past its configuration with every secret given', () => {
    const { status, stderr } = boot(process_, baseEnv, 15_000);
    expect(stderr).not.toContain('invalid configuration');
    expect(status).not.toBe(78);
    // The web boot step ends once the configuration is parsed; the fleet keeps running (or fails
    // on the unreachable database), either way past its configuration.
    if (process_ === 'web') expect(status).toBe(0);
  }, 60_000);

  it('exits non-zero naming TICKET_SIGNING_KEY when it is not a 32-byte Ed25519 seed', () => {
    const { status, stderr } = boot(process_, { ...baseEnv, TICKET_SIGNING_KEY: 'a-passphrase-is-not-an-ed25519-key-0123456789' });
    expect(status).toBe(78);
    expect(stderr).toBe(`${process_}: invalid configuration: TICKET_SIGNING_KEY: must be 32 random bytes in base64url (43 characters)`);
  }, 60_000);

  it.each(required(process_))('exits non-zero naming %s, in one line', (name) => {
    const { [name]: _, ...env } = baseEnv;
    const { status, stderr } = boot(process_, env);
    expect(status).toBe(78);
    expect(stderr.split('\n')).toEqual([expect.stringMatching(new RegExp(`^${process_}: invalid configuration: ${name}(:| is required)`))]);
    expect(stderr.match(/[A-Z_]{6,}/g)!.filter((v) => v in TEST_SECRETS)).toEqual([name]);
  }, 60_000);
});

describe('the workers process without its PortOne store', () => {
  it.each(['PORTONE_STORE_ID', 'PORTONE_CHANNEL_KEY'] as const)('exits 78 naming %s, in one line', (name) => {
    const { [name]: _, ...env } = baseEnv;
    const { status, stderr } = boot('workers', env);
    expect(status).toBe(78);
    expect(stderr.split('\n')).toEqual([`workers: invalid configuration: ${name} is required`]);
  }, 60_000);
});
