import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv } from './parse-env';
import { requireSecrets, secretShape, secretsToGenerate } from './secret-env';

const long = (c: string) => c.repeat(40);
const Workers = z.object({ DATABASE_URL: z.string(), ...secretShape('workers') }).check(requireSecrets('workers'));
const Web = z.object({ ...secretShape('web') }).check(requireSecrets('web'));

describe('secret env', () => {
  it('names every missing secret of a process in one line, even beside another bad variable', () => {
    expect(() => parseEnv(Workers, {})).toThrow(
      /^invalid configuration: DATABASE_URL is required; INTERNAL_API_TOKEN is required; TICKET_SIGNING_KEY is required; ENTRY_TOKEN_SECRET: is required unless ENTRY_TOKEN_KEYS is set$/,
    );
    expect(() => parseEnv(Web, {})).toThrow(
      /^invalid configuration: INTERNAL_API_TOKEN is required; AUTH_SECRET is required; TICKET_SIGNING_KEY is required; ENTRY_TOKEN_SECRET: is required unless ENTRY_TOKEN_KEYS is set$/,
    );
  });

  it('takes either entry-token variable, and checks a key list at boot', () => {
    const base = { DATABASE_URL: 'x', INTERNAL_API_TOKEN: long('i'), TICKET_SIGNING_KEY: randomBytes(32).toString('base64url') };
    expect(parseEnv(Workers, { ...base, ENTRY_TOKEN_SECRET: long('e') }).ENTRY_TOKEN_SECRET).toBe(long('e'));
    expect(parseEnv(Workers, { ...base, ENTRY_TOKEN_KEYS: `k2:${long('n')},k1:${long('o')}` }).ENTRY_TOKEN_KEYS).toContain('k2:');
    expect(() => parseEnv(Workers, { ...base, ENTRY_TOKEN_KEYS: 'k1:short' })).toThrow('ENTRY_TOKEN_KEYS: each key is kid:secret with a secret of 32+ characters');
  });

  it('asks only a process for the secrets it uses', () => {
    expect(Object.keys(secretShape('workers'))).not.toContain('AUTH_SECRET');
    expect(Object.keys(secretShape('web'))).toContain('AUTH_SECRET');
  });

  it('generates for `npm start` each secret neither given nor stood in for', () => {
    expect(secretsToGenerate({})).toEqual(['INTERNAL_API_TOKEN', 'AUTH_SECRET', 'ENTRY_TOKEN_SECRET', 'TICKET_SIGNING_KEY']);
    expect(secretsToGenerate({ AUTH_SECRET: long('a'), ENTRY_TOKEN_KEYS: `k1:${long('k')}` })).toEqual(['INTERNAL_API_TOKEN', 'TICKET_SIGNING_KEY']);
  });

  it('takes a ticket signing key only as 32 bytes of base64url, what `npm start` generates', () => {
    const base = { DATABASE_URL: 'x', INTERNAL_API_TOKEN: long('i'), ENTRY_TOKEN_SECRET: long('e') };
    const generated = randomBytes(32).toString('base64url');
    expect(parseEnv(Workers, { ...base, TICKET_SIGNING_KEY: generated }).TICKET_SIGNING_KEY).toBe(generated);
    expect(() => parseEnv(Workers, { ...base, TICKET_SIGNING_KEY: randomBytes(31).toString('base64url') })).toThrow(/^invalid configuration: TICKET_SIGNING_KEY: must be 32 random bytes/);
    expect(() => parseEnv(Workers, { ...base, TICKET_SIGNING_KEY: long('k') })).toThrow(/TICKET_SIGNING_KEY: must be 32 random bytes/);
  });
});
