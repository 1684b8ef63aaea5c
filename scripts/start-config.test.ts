import { describe, expect, it } from 'vitest';
import { loadStartConfig } from './start-config';

describe('loadStartConfig', () => {
  it('runs embedded with demo data when no servers are configured', () => {
    const config = loadStartConfig({});
    expect(config).toMatchObject({ embeddedDatabase: true, seedDemoData: true, PORT: 3000 });
  });

  it('stops with one line naming a malformed DATABASE_URL', () => {
    expect(() => loadStartConfig({ DATABASE_URL: 'localhost:5432/db' })).toThrow(/^invalid configuration: DATABASE_URL: must be a postgres:\/\/ URL$/);
  });

  it('checks the secrets it is given, naming each bad one, and leaves the missing ones to be generated', () => {
    expect(() => loadStartConfig({ DATABASE_URL: 'postgres://u@db.internal/openseat', AUTH_SECRET: 'short', ENTRY_TOKEN_KEYS: 'k1:short' })).toThrow(
      /^invalid configuration: AUTH_SECRET: must be at least 32 characters; ENTRY_TOKEN_KEYS: each key is kid:secret with a secret of 32\+ characters$/,
    );
    expect(loadStartConfig({ DATABASE_URL: 'postgres://u@db.internal/openseat' })).toMatchObject({ embeddedDatabase: false, seedDemoData: false });
  });
});
