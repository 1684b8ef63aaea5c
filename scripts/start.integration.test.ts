import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { NODE_ENV: 'test', PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', OPENSEAT_DATA_DIR: '.data-start-test', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

const secrets = { INTERNAL_API_TOKEN: 'i'.repeat(40), AUTH_SECRET: 'a'.repeat(40), ENTRY_TOKEN_SECRET: 'e'.repeat(40) };

describe('npm start refuses a bad environment with one line naming the variable', () => {
  it('names DATABASE_URL when nothing answers there', () => {
    const { status, stderr } = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/openseat', REDIS_URL: 'redis://127.0.0.1:1', ...secrets });
    expect(status).toBe(1);
    expect(stderr.split('\n').filter((l) => l.startsWith('npm start:'))).toEqual([expect.stringMatching(/^npm start: DATABASE_URL: cannot connect \(.*ECONNREFUSED/)]);
  });

  it('names each missing secret when pointed at a real database', () => {
    const { status, stderr } = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', INTERNAL_API_TOKEN: secrets.INTERNAL_API_TOKEN });
    expect(status).toBe(1);
    expect(stderr).toBe(
      'npm start: invalid configuration: AUTH_SECRET is required when DATABASE_URL points at a real server; ENTRY_TOKEN_SECRET is required when DATABASE_URL points at a real server',
    );
  });

  it('names a malformed REDIS_URL', () => {
    const { status, stderr } = start({ REDIS_URL: 'localhost:6379' });
    expect(status).toBe(1);
    expect(stderr).toBe('npm start: invalid configuration: REDIS_URL: must be a redis:// URL');
  });
});
