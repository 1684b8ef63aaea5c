import { describe, expect, it } from 'vitest';
import { signQueueTicket } from '../queue/sign-queue-ticket';
import { verifyQueueTicket } from '../queue/verify-queue-ticket';
import { createVerifiedTokenCache } from './create-verified-token-cache';
import { parseEntryTokenKeys } from './entry-token-keys';
import { readAuthenticClaims } from './read-authentic-claims';
import { signEntryToken } from './sign-entry-token';
import { verifyEntryToken } from './verify-entry-token';

const P = '01a209ba-4a7e-7150-bd48-e5018513b0bf';
const Q = '01a209ba-4a7e-7150-bd48-e5018513b0c0';
const NOW = Date.parse('2026-12-01T11:00:00Z');
const oldKeys = parseEntryTokenKeys('k1:first-secret-of-at-least-32-characters!!');
const rotated = parseEntryTokenKeys('k2:second-secret-of-at-least-32-characters!,k1:first-secret-of-at-least-32-characters!!');
const retired = parseEntryTokenKeys('k2:second-secret-of-at-least-32-characters!');

type Expectation = { performanceId?: string; userId?: string; nowMs?: number };
/** 'ok' or the refusal's reason, for a token checked as user u1 at P at NOW unless `expect_` says otherwise. */
async function verdictOf(token: string | undefined, expect_: Expectation = {}, options?: Parameters<typeof verifyEntryToken>[3]) {
  const result = await verifyEntryToken(oldKeys, token, { performanceId: P, userId: 'u1', nowMs: NOW, ...expect_ }, options);
  return result.ok ? 'ok' : result.reason;
}

describe('entry tokens', () => {
  it('returns the same token when asked again for the same admission, bound to sub, aud, exp and jti', async () => {
    const input = { userId: 'u1', performanceId: P, admittedUntilMs: NOW + 600_000 };
    const token = await signEntryToken(oldKeys, input);
    expect(await signEntryToken(oldKeys, input)).toBe(token);
    expect(await verifyEntryToken(oldKeys, token, { performanceId: P, userId: 'u1', nowMs: NOW })).toMatchObject({ ok: true, userId: 'u1', expiresAt: NOW + 600_000 });
  });

  it('refuses with a distinct reason: missing, expired, forged, another user’s, another performance’s, garbage', async () => {
    const token = await signEntryToken(oldKeys, { userId: 'u1', performanceId: P, admittedUntilMs: NOW + 60_000 });
    const forged = await signEntryToken(parseEntryTokenKeys('k1:an-attacker-guessed-this-secret-000000'), { userId: 'u1', performanceId: P, admittedUntilMs: NOW + 60_000 });
    const reason = (t: string | undefined, expect_?: Expectation) => verdictOf(t, expect_);
    expect(await reason(undefined)).toBe('missing');
    expect(await reason(token, { nowMs: NOW + 61_000 })).toBe('expired');
    expect(await reason(forged)).toBe('bad_signature');
    expect(await reason(token, { userId: 'u2' })).toBe('wrong_user');
    expect(await reason(token, { performanceId: Q })).toBe('wrong_performance');
    expect(await reason('not.a.token')).toBe('malformed');
  });

  it('judges expiry and bindings again on every call when the signature comes from the cache, and never caches a bad one', async () => {
    const cache = createVerifiedTokenCache(2);
    const token = await signEntryToken(oldKeys, { userId: 'u1', performanceId: P, admittedUntilMs: NOW + 60_000 });
    const check = (t: string, expect_: { performanceId?: string; userId?: string; nowMs?: number } = {}) =>
      verifyEntryToken(oldKeys, t, { performanceId: P, userId: 'u1', nowMs: NOW, ...expect_ }, { cache }).then((r) => (r.ok ? 'ok' : r.reason));
    expect(await check(token)).toBe('ok');
    expect(cache.get(token)).toMatchObject({ sub: 'u1', aud: [P] });
    expect(await check(token, { userId: 'u2' })).toBe('wrong_user');
    expect(await check(token, { performanceId: Q })).toBe('wrong_performance');
    expect(await check(token, { nowMs: NOW + 59_999 })).toBe('ok');
    expect(await check(token, { nowMs: NOW + 60_000 })).toBe('expired');
    const [h, p, s] = token.split('.');
    const flipped = `${h}.${p}.${s!.slice(0, -2)}${s!.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(await check(flipped)).toBe('bad_signature');
    expect(cache.get(flipped)).toBeUndefined();
    // Bounded: the least recently used token leaves first.
    const second = await signEntryToken(oldKeys, { userId: 'u2', performanceId: P, admittedUntilMs: NOW + 60_000 });
    const third = await signEntryToken(oldKeys, { userId: 'u3', performanceId: P, admittedUntilMs: NOW + 60_000 });
    await check(second, { userId: 'u2' });
    await check(token);
    await check(third, { userId: 'u3' });
    expect([cache.get(token), cache.get(second), cache.get(third)].map(Boolean)).toEqual([true, false, true]);
  });

  it('vouches synchronously only for tokens jose accepts, with the same claims, and leaves every refusal to jose', async () => {
    const token = await signEntryToken(oldKeys, { userId: 'u1', performanceId: P, admittedUntilMs: NOW + 60_000 });
    const jose = await verifyEntryToken(oldKeys, token, { performanceId: P, userId: 'u1', nowMs: NOW });
    expect(jose.ok).toBe(true);
    expect(readAuthenticClaims(oldKeys, token)).toEqual({ sub: 'u1', aud: [P], jti: (jose as { jti: string }).jti, exp: Math.floor((NOW + 60_000) / 1000) });
    expect(readAuthenticClaims(rotated, token)).toBeDefined();
    const [h, p, s] = token.split('.');
    const forged = await signEntryToken(parseEntryTokenKeys('k1:an-attacker-guessed-this-secret-000000'), { userId: 'u1', performanceId: P, admittedUntilMs: NOW + 60_000 });
    const ticket = await signQueueTicket(oldKeys, { userId: 'u1', performanceId: P, seq: 7, nowMs: NOW });
    for (const bad of [forged, ticket, `${h}.${p}.${s!.slice(0, -2)}${s!.endsWith('AA') ? 'BB' : 'AA'}`, `${h}.${p}.${s}!`, `${h}.${p}`, `${h}.${p}.${s}.x`, 'not.a.token', '']) {
      expect(readAuthenticClaims(oldKeys, bad), bad).toBeUndefined();
    }
    expect(readAuthenticClaims(retired, token)).toBeUndefined();
    // Through verifyEntryToken the refusals keep their reasons.
    const reason = (t: string, expect_?: Expectation) => verdictOf(t, expect_, { readAuthentic: readAuthenticClaims });
    expect(await reason(token)).toBe('ok');
    expect(await reason(token, { nowMs: NOW + 61_000 })).toBe('expired');
    expect(await reason(forged)).toBe('bad_signature');
    expect(await reason(token, { userId: 'u2' })).toBe('wrong_user');
    expect(await reason(token, { performanceId: Q })).toBe('wrong_performance');
    expect(await reason(ticket)).toBe('malformed');
    expect(await reason('not.a.token')).toBe('malformed');
  });

  it('rotates keys by kid: old tokens verify while the old key is listed, and stop once it is dropped', async () => {
    const old = await signEntryToken(oldKeys, { userId: 'u1', performanceId: P, admittedUntilMs: NOW + 60_000 });
    const fresh = await signEntryToken(rotated, { userId: 'u1', performanceId: P, admittedUntilMs: NOW + 60_000 });
    expect((await verifyEntryToken(rotated, old, { performanceId: P, nowMs: NOW })).ok).toBe(true);
    expect((await verifyEntryToken(rotated, fresh, { performanceId: P, nowMs: NOW })).ok).toBe(true);
    expect(await verifyEntryToken(retired, old, { performanceId: P, nowMs: NOW })).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('never accepts a queue ticket as an entry token, nor an entry token as a queue ticket', async () => {
    const ticket = await signQueueTicket(oldKeys, { userId: 'u1', performanceId: P, seq: 7, nowMs: NOW });
    expect(await verifyQueueTicket(oldKeys, ticket, { performanceId: P, nowMs: NOW })).toEqual({ userId: 'u1', seq: 7 });
    expect(await verifyQueueTicket(oldKeys, ticket, { performanceId: Q, nowMs: NOW })).toBeNull();
    expect(await verifyEntryToken(oldKeys, ticket, { performanceId: P, nowMs: NOW })).toEqual({ ok: false, reason: 'malformed' });
    const token = await signEntryToken(oldKeys, { userId: 'u1', performanceId: P, admittedUntilMs: NOW + 60_000 });
    expect(await verifyQueueTicket(oldKeys, token, { performanceId: P, nowMs: NOW })).toBeNull();
  });

  it('keeps a queue ticket for 24 hours from its signing, judged by the caller’s clock', async () => {
    const ticket = await signQueueTicket(oldKeys, { userId: 'u1', performanceId: P, seq: 7, nowMs: NOW });
    expect(await verifyQueueTicket(oldKeys, ticket, { performanceId: P, nowMs: NOW + 24 * 3600_000 - 1_000 })).toEqual({ userId: 'u1', seq: 7 });
    expect(await verifyQueueTicket(oldKeys, ticket, { performanceId: P, nowMs: NOW + 24 * 3600_000 })).toBeNull();
  });
});
