// The entry token handed over on admission: HS256 JWT, kid in the header, sub = user,
// aud = performance, exp = the end of the active session, jti = the admission's id.
import { SignJWT } from 'jose';
import type { EntryTokenKeys } from './entry-token-keys';
import { entryTokenId } from './entry-token-id';

import { ENTRY_TOKEN_TYPE } from './verify-entry-token';
export { ENTRY_TOKEN_TYPE };

export async function signEntryToken(
  keys: EntryTokenKeys,
  input: { userId: string; performanceId: string; admittedUntilMs: number },
): Promise<string> {
  const exp = Math.floor(input.admittedUntilMs / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256', kid: keys.current.kid, typ: ENTRY_TOKEN_TYPE })
    .setSubject(input.userId)
    .setAudience(input.performanceId)
    .setExpirationTime(exp)
    .setJti(entryTokenId(input.userId, input.performanceId, input.admittedUntilMs))
    .sign(keys.current.key);
}
