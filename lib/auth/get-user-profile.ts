// What the my page shows about the signed-in user (no password hash leaves this function).
import type { Db } from '../db/create-prisma';
import { notFound } from '../errors/app-error';
import type { Role } from './roles';

export type UserProfile = {
  id: string;
  /** Null for a social account whose provider shared no verified address. */
  email: string | null;
  /** The address's confirmation link was followed (or the provider that gave it verified it). */
  emailVerified: boolean;
  name: string | null;
  role: Role;
  hasPassword: boolean;
  providers: string[];
  createdAt: Date;
};

export async function getUserProfile(db: Db, userId: string): Promise<UserProfile> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, emailVerified: true, name: true, role: true, passwordHash: true, createdAt: true, accounts: { select: { provider: true } } },
  });
  if (!user) throw notFound('Account');
  const { passwordHash, accounts, emailVerified, ...rest } = user;
  return { ...rest, emailVerified: emailVerified !== null, hasPassword: Boolean(passwordHash), providers: accounts.map((a) => a.provider) };
}
