// The user an admin is about to change, locked for the rest of the transaction so that two
// admins changing one account write their audit rows in the order their changes took effect.
// An admin never changes their own account here: an admin who demotes or suspends themselves
// locks themselves out of the page that would undo it.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { AppError, notFound } from '../errors/app-error';
import type { Role } from '../auth/roles';

type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

export type ManagedUser = { id: string; email: string | null; role: Role; suspendedAt: Date | null };

export async function lockManagedUser(tx: Tx, userId: string, actorId: string): Promise<ManagedUser> {
  if (!z.uuid().safeParse(userId).success) throw notFound('User');
  if (userId === actorId) throw new AppError('forbidden', 'Administrators cannot change their own role or suspend themselves', { reason: 'own_account' });
  const [user] = await tx.$queryRaw<{ id: string; email: string | null; role: Role; suspended_at: Date | null }[]>`
    SELECT id, email, role::text AS role, suspended_at FROM auth.users WHERE id = ${userId}::uuid FOR UPDATE`;
  if (!user) throw notFound('User');
  return { id: user.id, email: user.email, role: user.role, suspendedAt: user.suspended_at };
}
