// Creates a customer account with an email and a password (role USER; admins are made by hand),
// in the language the fan signed up in: their emails follow it.
import { z } from 'zod';
import { defaultLocale, locales } from '../i18n/locales';
import type { Db } from '../db/create-prisma';
import { isUniqueViolation } from '../db/is-unique-violation';
import { AppError } from '../errors/app-error';
import { hashPassword } from './hash-password';
import { Email, Password } from './password-rules';

export const SignUpUserInput = z
  .object({
    email: Email,
    password: Password,
    name: z.string().trim().min(1, 'is required').max(50, 'must be at most 50 characters'),
    locale: z.enum(locales).default(defaultLocale),
  })
  .refine((v) => v.password.toLowerCase() !== v.email, { path: ['password'], message: 'must not be your email address' });
export type SignUpUserInput = z.input<typeof SignUpUserInput>;

const EMAIL_INDEX = 'users_email_key';

export type SignedUpUser = { id: string; email: string; name: string; role: 'USER' };

export async function signUpUser(db: Db, input: SignUpUserInput): Promise<SignedUpUser> {
  const { email, password, name, locale } = SignUpUserInput.parse(input);
  const passwordHash = await hashPassword(password);
  try {
    // The unique index on email is the last word: two sign-ups racing for one email get one row.
    const user = await db.user.create({ data: { email, name, passwordHash, role: 'USER', locale }, select: { id: true } });
    return { id: user.id, email, name, role: 'USER' };
  } catch (error) {
    if (isUniqueViolation(error, EMAIL_INDEX)) throw new AppError('conflict', 'An account with this email already exists; sign in instead', { field: 'email', reason: 'email_taken' });
    throw error;
  }
}
