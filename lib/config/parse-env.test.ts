import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, parseEnv, postgresUrl, secret } from './parse-env';

const schema = z.object({ DATABASE_URL: postgresUrl, INTERNAL_API_TOKEN: secret });

describe('parseEnv', () => {
  it('names every missing or bad variable in one line', () => {
    let error: unknown;
    try {
      parseEnv(schema, { DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain('DATABASE_URL: must be a postgres:// URL');
    expect(message).toContain('INTERNAL_API_TOKEN is required');
  });

  it('returns the typed values when the environment is valid', () => {
    const config = parseEnv(schema, { DATABASE_URL: 'postgres://u@h/db', INTERNAL_API_TOKEN: 'x'.repeat(32) });
    expect(config.DATABASE_URL).toBe('postgres://u@h/db');
  });
});
