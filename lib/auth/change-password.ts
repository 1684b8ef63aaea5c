// The signed-in user replaces their password after proving the current one.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { AppError } from '../errors/app-error';
import { hashPassword, verifyPassword } from './hash-password';
import { Password } from './password-rules';

export const ChangePasswordInput = z
  .object({
    userId: z.uuid(),
    currentPassword: z.string().max(128),
    newPassword: Password,
  })
  .refine((v) => v.currentPassword !== v.newPassword, { path: ['newPassword'], message: 'must differ from the current password' });
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

export async function changePassword(db: Db, input: ChangePasswordInput): Promise<void> {
  const { userId, currentPassword, newPassword } = ChangePasswordInput.parse(input);
  const user = await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  if (!user) throw new AppError('not_found', 'Account not found');
  if (!user.passwordHash) throw new AppError('unprocessable', 'This account signs in with a provider and has no password', { field: 'currentPassword', reason: 'no_password' });
  if (!(await verifyPassword(user.passwordHash, currentPassword))) {
    throw new AppError('validation_failed', 'currentPassword: is not your current password', { field: 'currentPassword', reason: 'wrong_password' });
  }
  await db.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
}
