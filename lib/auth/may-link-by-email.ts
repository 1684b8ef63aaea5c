// Whether a social sign-in may go ahead. Auth.js links a provider to the existing account with
// the same address; that is safe only when both sides proved the address: the provider (only
// provider-verified addresses reach here, see map-oauth-profile.ts) and our account (its
// confirmation link was followed). Otherwise someone who signed up here with a victim's address
// — or typed it into an email-less account — would get the victim's Google or Kakao sign-in
// linked into their account (pre-account hijacking).
import type { Db } from '../db/create-prisma';

export async function mayLinkByEmail(db: Db, input: { provider: string; providerAccountId: string; email: string | null | undefined }): Promise<boolean> {
  if (!input.email) return true;
  const [linked, owner] = await Promise.all([
    db.account.count({ where: { provider: input.provider, providerAccountId: input.providerAccountId } }),
    db.user.findUnique({ where: { email: input.email }, select: { emailVerified: true } }),
  ]);
  // A returning provider account signs in by its id; no owner means a new account is made.
  return linked > 0 || owner === null || owner.emailVerified !== null;
}
