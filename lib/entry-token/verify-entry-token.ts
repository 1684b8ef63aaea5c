// Verifies an entry token for one performance (and, when known, one user) with Web APIs only,
// so both the Node worker API and Next's proxy.ts use it. Each refusal names its reason.
import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { VerifiedClaims, VerifiedTokenCache } from './create-verified-token-cache';
import type { EntryTokenKeys } from './entry-token-keys';

export const ENTRY_TOKEN_TYPE = 'openseat-entry+jwt';

export type EntryTokenRejection = 'missing' | 'malformed' | 'expired' | 'bad_signature' | 'wrong_user' | 'wrong_performance' | 'revoked';
export type EntryTokenCheck =
  | { ok: true; userId: string; performanceId: string; jti: string; expiresAt: number }
  | { ok: false; reason: EntryTokenRejection };
/** `nowMs` is the caller's clock: expiry is judged against it, never against a clock read here. */
type Expect = { performanceId: string; userId?: string; nowMs: number };

// jose imports a raw secret into a CryptoKey on every call when handed bytes; importing once per
// secret takes the key import (and its KeyObject/transferable set-up) off every request.
const cryptoKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
function cryptoKeyOf(secret: Uint8Array): Promise<CryptoKey> {
  let key = cryptoKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', secret as Uint8Array<ArrayBuffer>, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    cryptoKeys.set(secret, key);
  }
  return key;
}

/** Expiry (as jose judges it: whole seconds, expired at exp), then the bindings. */
function checkClaims(claims: VerifiedClaims, expect: Expect): EntryTokenCheck {
  if (claims.exp <= Math.floor(expect.nowMs / 1000)) return { ok: false, reason: 'expired' };
  if (!claims.aud.includes(expect.performanceId)) return { ok: false, reason: 'wrong_performance' };
  if (expect.userId !== undefined && claims.sub !== expect.userId) return { ok: false, reason: 'wrong_user' };
  return { ok: true, userId: claims.sub, performanceId: expect.performanceId, jti: claims.jti, expiresAt: claims.exp * 1000 };
}

async function verifySignature(keys: EntryTokenKeys, token: string, nowMs: number): Promise<VerifiedClaims | Extract<EntryTokenCheck, { ok: false }>> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'HS256' || header.typ !== ENTRY_TOKEN_TYPE) return { ok: false, reason: 'malformed' };
    kid = header.kid;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const secret = kid ? keys.byKid.get(kid) : undefined;
  if (!secret) return { ok: false, reason: 'bad_signature' };
  try {
    // Signature and expiry first (jose compares the MAC in constant time), then the bindings,
    // so a forged token never learns which binding it got wrong.
    const { payload } = await jwtVerify(token, await cryptoKeyOf(secret), {
      algorithms: ['HS256'],
      typ: ENTRY_TOKEN_TYPE,
      currentDate: new Date(nowMs),
      requiredClaims: ['sub', 'aud', 'exp', 'jti'],
    });
    return { sub: payload.sub!, aud: Array.isArray(payload.aud) ? payload.aud : [payload.aud!], jti: payload.jti!, exp: payload.exp! };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad_signature' };
    return { ok: false, reason: 'malformed' };
  }
}

/**
 * The worker API's options: `cache` remembers tokens whose signature verified, so a fan's next
 * call with the same token skips the MAC; `readAuthentic` is a synchronous MAC check that may
 * vouch for a token before the WebCrypto one runs (it never refuses: jose names the reason).
 * Expiry and bindings are judged on every call.
 */
export async function verifyEntryToken(
  keys: EntryTokenKeys,
  token: string | null | undefined,
  expect: Expect,
  options: { cache?: VerifiedTokenCache; readAuthentic?: (keys: EntryTokenKeys, token: string) => VerifiedClaims | undefined } = {},
): Promise<EntryTokenCheck> {
  if (!token) return { ok: false, reason: 'missing' };
  let claims = options.cache?.get(token);
  if (!claims) {
    claims = options.readAuthentic?.(keys, token);
    if (!claims) {
      const verified = await verifySignature(keys, token, expect.nowMs);
      if ('ok' in verified) return verified;
      claims = verified;
    }
    options.cache?.set(token, claims);
  }
  return checkClaims(claims, expect);
}
