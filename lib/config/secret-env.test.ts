import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseEnv } from './parse-env';
import { Webhook } from '@portone/server-sdk';
import { signWebhook } from '../../stand-ins/portone/sign-webhook';
import { generateSecret, requireSecrets, secretShape, secretsToGenerate } from './secret-env';

const long = (c: string) => c.repeat(40);
const Workers = z.object({ DATABASE_URL: z.string(), ...secretShape('workers') }).check(requireSecrets('workers'));
const Web = z.object({ ...secretShape('web') }).check(requireSecrets('web'));

describe('secret env', () => {
  it('names every missing secret of a process in one line, even beside another bad variable', () => {
    expect(() => parseEnv(Workers, {})).toThrow(
      /^invalid configuration: DATABASE_URL is required; INTERNAL_API_TOKEN is required; TICKET_SIGNING_KEY is required; PORTONE_API_SECRET is required; PORTONE_WEBHOOK_SECRETS is required; ENTRY_TOKEN_SECRET: is required unless ENTRY_TOKEN_KEYS is set$/,
    );
    expect(() => parseEnv(Web, {})).toThrow(
      /^invalid configuration: INTERNAL_API_TOKEN is required; AUTH_SECRET is required; TICKET_SIGNING_KEY is required; ENTRY_TOKEN_SECRET: is required unless ENTRY_TOKEN_KEYS is set$/,
    );
  });

  it('takes either entry-token variable, and checks a key list at boot', () => {
    const base = { DATABASE_URL: 'x', INTERNAL_API_TOKEN: long('i'), TICKET_SIGNING_KEY: randomBytes(32).toString('base64url'), PORTONE_API_SECRET: long('p'), PORTONE_WEBHOOK_SECRETS: 'whsec_ok000000' };
    expect(parseEnv(Workers, { ...base, ENTRY_TOKEN_SECRET: long('e') }).ENTRY_TOKEN_SECRET).toBe(long('e'));
    expect(parseEnv(Workers, { ...base, ENTRY_TOKEN_KEYS: `k2:${long('n')},k1:${long('o')}` }).ENTRY_TOKEN_KEYS).toContain('k2:');
    expect(() => parseEnv(Workers, { ...base, ENTRY_TOKEN_KEYS: 'k1:short' })).toThrow('ENTRY_TOKEN_KEYS: each key is kid:secret with a secret of 32+ characters');
  });

  it('asks only a process for the secrets it uses', () => {
    expect(Object.keys(secretShape('workers'))).not.toContain('AUTH_SECRET');
    expect(Object.keys(secretShape('web'))).toContain('AUTH_SECRET');
  });

  it('generates for `npm start` each secret neither given nor stood in for', () => {
    expect(secretsToGenerate({})).toEqual(['INTERNAL_API_TOKEN', 'AUTH_SECRET', 'ENTRY_TOKEN_SECRET', 'TICKET_SIGNING_KEY', 'PORTONE_API_SECRET', 'PORTONE_WEBHOOK_SECRETS']);
    expect(
      secretsToGenerate({ AUTH_SECRET: long('a'), ENTRY_TOKEN_KEYS: `k1:${long('k')}`, PORTONE_API_SECRET: long('p'), PORTONE_WEBHOOK_SECRETS: 'whsec_given' }),
    ).toEqual(['INTERNAL_API_TOKEN', 'TICKET_SIGNING_KEY']);
  });

  it('asks the worker fleet for the PortOne secrets, naming each one missing', () => {
    const given = { DATABASE_URL: 'x', INTERNAL_API_TOKEN: long('i'), ENTRY_TOKEN_SECRET: long('e'), TICKET_SIGNING_KEY: randomBytes(32).toString('base64url') };
    expect(() => parseEnv(Workers, given)).toThrow(/^invalid configuration: PORTONE_API_SECRET is required; PORTONE_WEBHOOK_SECRETS is required$/);
    expect(() => parseEnv(Workers, { ...given, PORTONE_API_SECRET: long('p'), PORTONE_WEBHOOK_SECRETS: 'whsec_ok000000,short' })).toThrow(
      /^invalid configuration: PORTONE_WEBHOOK_SECRETS: must be comma-separated secrets of at least 8 characters/,
    );
    expect(Object.keys(secretShape('web'))).not.toContain('PORTONE_API_SECRET');
  });

  it('generates secrets in the format their consumer reads: a webhook secret that PortOne\'s verifier accepts', async () => {
    const secret = generateSecret('PORTONE_WEBHOOK_SECRETS');
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const body = JSON.stringify({ type: 'Transaction.Paid', timestamp: '2026-01-01T00:00:00Z', data: { paymentId: 'p-1' } });
    const timestamp = Math.floor(Date.now() / 1000);
    const headers = { 'webhook-id': 'msg-1', 'webhook-timestamp': String(timestamp), 'webhook-signature': signWebhook(secret, 'msg-1', timestamp, body) };
    await expect(Webhook.verify(secret, body, headers)).resolves.toMatchObject({ type: 'Transaction.Paid' });
    expect(generateSecret('INTERNAL_API_TOKEN')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(generateSecret('INTERNAL_API_TOKEN')).not.toBe(generateSecret('INTERNAL_API_TOKEN'));
  });

  it('takes a ticket signing key only as 32 bytes of base64url, what `npm start` generates', () => {
    const base = { DATABASE_URL: 'x', INTERNAL_API_TOKEN: long('i'), ENTRY_TOKEN_SECRET: long('e'), PORTONE_API_SECRET: long('p'), PORTONE_WEBHOOK_SECRETS: 'whsec_ok000000' };
    const generated = randomBytes(32).toString('base64url');
    expect(parseEnv(Workers, { ...base, TICKET_SIGNING_KEY: generated }).TICKET_SIGNING_KEY).toBe(generated);
    expect(() => parseEnv(Workers, { ...base, TICKET_SIGNING_KEY: randomBytes(31).toString('base64url') })).toThrow(/^invalid configuration: TICKET_SIGNING_KEY: must be 32 random bytes/);
    expect(() => parseEnv(Workers, { ...base, TICKET_SIGNING_KEY: long('k') })).toThrow(/TICKET_SIGNING_KEY: must be 32 random bytes/);
  });
});
