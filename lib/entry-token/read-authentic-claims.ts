// Node-only fast path for the worker API's entry-token check: a synchronous HMAC-SHA256 with
// node:crypto instead of jose's WebCrypto job (key import aside, each verify there is a
// thread-pool job and two promise hops: ~7-10 % of the worker API's CPU under the holds bench,
// where a fan's first call with a token misses the verified-token cache). It can only say
// "authentic": anything unexpected returns undefined and the caller runs the full jose check,
// which names the reason. Expiry and bindings are judged by the caller as for any token.
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifiedClaims } from './create-verified-token-cache';
import type { EntryTokenKeys } from './entry-token-keys';
import { ENTRY_TOKEN_TYPE } from './verify-entry-token';

const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

export function readAuthenticClaims(keys: EntryTokenKeys, token: string): VerifiedClaims | undefined {
  const [header, payload, signature, extra] = token.split('.');
  if (!header || !payload || !signature || extra !== undefined) return undefined;
  try {
    const protectedHeader = decode(header) as Record<string, unknown>;
    if (protectedHeader.alg !== 'HS256' || protectedHeader.typ !== ENTRY_TOKEN_TYPE || protectedHeader.crit !== undefined) return undefined;
    const secret = typeof protectedHeader.kid === 'string' ? keys.byKid.get(protectedHeader.kid) : undefined;
    if (!secret) return undefined;
    const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
    const presented = Buffer.from(signature, 'base64url');
    // Buffer's base64url decoder skips stray characters; only the canonical encoding passes.
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected) || presented.toString('base64url') !== signature) return undefined;
    const claims = decode(payload) as Record<string, unknown>;
    const aud = typeof claims.aud === 'string' ? [claims.aud] : claims.aud;
    const { sub, jti, exp, nbf } = claims;
    if (typeof sub !== 'string' || typeof jti !== 'string' || typeof exp !== 'number' || nbf !== undefined) return undefined;
    if (!Array.isArray(aud) || !aud.every((a) => typeof a === 'string')) return undefined;
    return { sub, aud, jti, exp };
  } catch {
    return undefined;
  }
}
