// Email + password → the user, or null. An unknown email costs one argon2 verification against
// a dummy hash, like a wrong password does, so neither the answer nor its timing tells whether
// an address has an account.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { hashPassword, verifyPassword } from './hash-password';
import type { Role } from './roles';

export const VerifyCredentialsInput = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(128),
});
export type VerifyCredentialsInput = z.infer<typeof VerifyCredentialsInput>;

/** `suspended`: the password was right but an admin suspended the account; the caller refuses the sign-in. */
export type VerifiedUser = { id: string; email: string; name: string | null; role: Role; suspended: boolean };

let dummyHash: Promise<string> | undefined;

export async function verifyCredentials(db: Db, input: VerifyCredentialsInput): Promise<VerifiedUser | null> {
  const parsed = VerifyCredentialsInput.safeParse(input);
  dummyHash ??= hashPassword('dummy password that matches no account 9f1c');
  if (!parsed.success) {
    await verifyPassword(await dummyHash, 'x');
    return null;
  }
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, role: true, passwordHash: true, suspendedAt: true } });
  // OAuth-only accounts have no password hash: same path as an unknown email.
  const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash), password);
  if (!user?.passwordHash || !ok) return null;
  return { id: user.id, email, name: user.name, role: user.role, suspended: user.suspendedAt !== null };
}
