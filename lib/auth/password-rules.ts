// Password rules shared by sign-up and change-password (NIST 800-63B: length over composition,
// but one letter and one non-letter keep out the all-digit and dictionary-word passwords).
import { z } from 'zod';

export const Password = z
  .string()
  .min(8, 'must be at least 8 characters')
  // argon2 hashes any length, but a 1 MB "password" is a cheap way to burn our CPU.
  .max(128, 'must be at most 128 characters')
  .refine((v) => /\p{L}/u.test(v), 'must contain a letter')
  .refine((v) => /[^\p{L}]/u.test(v), 'must contain a digit or a symbol');

export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('must be an email address').max(254, 'must be at most 254 characters'));
