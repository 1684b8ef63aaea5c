import { hkdfSync } from 'node:crypto';

/**
 * The HS256 key of email-confirmation links, derived from AUTH_SECRET under its own label: one
 * secret to keep, and a link's signature is never valid as anything else the secret signs.
 */
export function emailVerificationKey(authSecret: string): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', authSecret, 'openseat', 'email-verification-link', 32));
}

/** The audience every confirmation link names, so no other HS256 token of ours passes for one. */
export const EMAIL_VERIFICATION_AUDIENCE = 'openseat:email-verification';
