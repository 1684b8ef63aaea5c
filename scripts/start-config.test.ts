import { describe, expect, it } from 'vitest';
import { secretsToGenerate } from '../lib/config/secret-env';
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

  it('takes a real PortOne store only whole: half of one names what is missing', () => {
    expect(() => loadStartConfig({ PORTONE_API_SECRET: 'real-secret-0123456789', PORTONE_STORE_ID: 'store-real' })).toThrow(
      /^invalid configuration: PORTONE_WEBHOOK_SECRETS: is required when PORTONE_API_SECRET is set \(a real PortOne store\); PORTONE_CHANNEL_KEY: is required when PORTONE_API_SECRET is set/,
    );
    expect(() => loadStartConfig({ PORTONE_WEBHOOK_SECRETS: 'whsec_cmVhbC13ZWJob29rLXNlY3JldA==' })).toThrow(/PORTONE_API_SECRET: is required when PORTONE_WEBHOOK_SECRETS is set/);
  });

  it('generates both PortOne secrets for its stand-in when no store is given, none when one is', () => {
    expect(secretsToGenerate(loadStartConfig({}))).toEqual(expect.arrayContaining(['PORTONE_API_SECRET', 'PORTONE_WEBHOOK_SECRETS']));
    const realStore = { PORTONE_API_SECRET: 'real-secret-0123456789', PORTONE_WEBHOOK_SECRETS: 'whsec_cmVhbC13ZWJob29rLXNlY3JldA==', PORTONE_STORE_ID: 'store-real', PORTONE_CHANNEL_KEY: 'channel-key-real' };
    const generated = secretsToGenerate(loadStartConfig(realStore));
    expect(generated).not.toContain('PORTONE_API_SECRET');
    expect(generated).not.toContain('PORTONE_WEBHOOK_SECRETS');
  });
});
