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

  it('demands real secrets when pointed at a real database, naming each one', () => {
    expect(() => loadStartConfig({ DATABASE_URL: 'postgres://u@db.internal/openseat', INTERNAL_API_TOKEN: 'x'.repeat(40) })).toThrow(
      'invalid configuration: AUTH_SECRET is required when DATABASE_URL points at a real server; ENTRY_TOKEN_SECRET is required when DATABASE_URL points at a real server',
    );
  });
});
