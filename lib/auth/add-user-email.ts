// An email-less account (a Kakao fan who shared none) adds an address when something needs one,
// such as receipts. The address is stored unverified: it is the user's word until a mailed link
// confirms it, and an account that already has an address keeps it.
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { isUniqueViolation } from '../db/is-unique-violation';
import { AppError } from '../errors/app-error';
import { Email } from './password-rules';

export const AddUserEmailInput = z.object({ userId: z.uuid(), email: Email });
export type AddUserEmailInput = z.infer<typeof AddUserEmailInput>;

export async function addUserEmail(db: Db, input: AddUserEmailInput): Promise<{ email: string }> {
  const { userId, email } = AddUserEmailInput.parse(input);
  try {
    // `email: null` in the filter makes the check and the write one statement: two tabs racing get one address.
    const { count } = await db.user.updateMany({ where: { id: userId, email: null }, data: { email, emailVerified: null } });
    if (count === 1) return { email };
  } catch (error) {
    if (isUniqueViolation(error, 'users_email_key')) throw new AppError('conflict', 'Another account uses this email', { field: 'email' });
    throw error;
  }
  const exists = await db.user.count({ where: { id: userId } });
  if (!exists) throw new AppError('not_found', 'Account not found');
  throw new AppError('conflict', 'This account already has an email address', { field: 'email' });
}
