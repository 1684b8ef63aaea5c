// Verifies an entry token for one performance (and, when known, one user) with Web APIs only,
// so both the Node worker API and Next's proxy.ts use it. Each refusal names its reason.
import { decodeProtectedHeader, errors, jwtVerify } from 'jose';
import type { EntryTokenKeys } from './entry-token-keys';

export const ENTRY_TOKEN_TYPE = 'openseat-entry+jwt';

export type EntryTokenRejection = 'missing' | 'malformed' | 'expired' | 'bad_signature' | 'wrong_user' | 'wrong_performance' | 'revoked';
export type EntryTokenCheck =
  | { ok: true; userId: string; performanceId: string; jti: string; expiresAt: number }
  | { ok: false; reason: EntryTokenRejection };

export async function verifyEntryToken(
  keys: EntryTokenKeys,
  token: string | null | undefined,
  expect: { performanceId: string; userId?: string; nowMs?: number },
): Promise<EntryTokenCheck> {
  if (!token) return { ok: false, reason: 'missing' };
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(token);
    if (header.alg !== 'HS256' || header.typ !== ENTRY_TOKEN_TYPE) return { ok: false, reason: 'malformed' };
    kid = header.kid;
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const key = kid ? keys.byKid.get(kid) : undefined;
  if (!key) return { ok: false, reason: 'bad_signature' };
  try {
    // Signature and expiry first (jose compares the MAC in constant time), then the bindings,
    // so a forged token never learns which binding it got wrong.
    const { payload } = await jwtVerify(token, key, {
      algorithms: ['HS256'],
      typ: ENTRY_TOKEN_TYPE,
      currentDate: expect.nowMs === undefined ? undefined : new Date(expect.nowMs),
      requiredClaims: ['sub', 'aud', 'exp', 'jti'],
    });
    const audience = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    if (!audience.includes(expect.performanceId)) return { ok: false, reason: 'wrong_performance' };
    if (expect.userId !== undefined && payload.sub !== expect.userId) return { ok: false, reason: 'wrong_user' };
    return { ok: true, userId: payload.sub!, performanceId: expect.performanceId, jti: payload.jti!, expiresAt: payload.exp! * 1000 };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: 'bad_signature' };
    return { ok: false, reason: 'malformed' };
  }
}
