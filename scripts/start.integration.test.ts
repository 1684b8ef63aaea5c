import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { TEST_SECRETS } from '../test/support/test-secrets';

function start(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: { NODE_ENV: 'test', PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', OPENSEAT_DATA_DIR: '.data-start-test', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim() };
}

const secrets = { INTERNAL_API_TOKEN: 'i'.repeat(40), AUTH_SECRET: 'a'.repeat(40), ENTRY_TOKEN_SECRET: 'e'.repeat(40), TICKET_SIGNING_KEY: TEST_SECRETS.TICKET_SIGNING_KEY };

describe('npm start refuses a bad environment with one line naming the variable', () => {
  it('names DATABASE_URL when nothing answers there', () => {
    const { status, stderr } = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:1/openseat', REDIS_URL: 'redis://127.0.0.1:1', ...secrets });
    expect(status).toBe(1);
    expect(stderr.split('\n').filter((l) => l.startsWith('npm start:'))).toEqual([expect.stringMatching(/^npm start: DATABASE_URL: cannot connect \(.*ECONNREFUSED/)]);
  });

  it('names each secret it is given that is too short', () => {
    const { status, stderr } = start({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', INTERNAL_API_TOKEN: 'short', AUTH_SECRET: 'short' });
    expect(status).toBe(1);
    expect(stderr).toBe('npm start: invalid configuration: INTERNAL_API_TOKEN: must be at least 32 characters; AUTH_SECRET: must be at least 32 characters');
  });

  it('names a malformed REDIS_URL', () => {
    const { status, stderr } = start({ REDIS_URL: 'localhost:6379' });
    expect(status).toBe(1);
    expect(stderr).toBe('npm start: invalid configuration: REDIS_URL: must be a redis:// URL');
  });
});
