// Follows an email-confirmation link: a valid, unexpired signature for this account and the
// address it still has marks the address verified. From then on a social sign-in with the same
// provider-verified address may link to the account.
import { errors, jwtVerify } from 'jose';
import { z } from 'zod';
import type { Db } from '../db/create-prisma';
import { AppError } from '../errors/app-error';
import { EMAIL_VERIFICATION_AUDIENCE, emailVerificationKey } from './email-verification-key';

const Claims = z.object({ sub: z.uuid(), email: z.string().min(3) });

export async function confirmUserEmail(deps: { db: Db; authSecret: string; now: Date }, token: string): Promise<{ userId: string; email: string }> {
  let claims: z.infer<typeof Claims>;
  try {
    const { payload } = await jwtVerify(token, emailVerificationKey(deps.authSecret), {
      audience: EMAIL_VERIFICATION_AUDIENCE,
      algorithms: ['HS256'],
      currentDate: deps.now,
    });
    claims = Claims.parse(payload);
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new AppError('unprocessable', 'This confirmation link has expired', { reason: 'verification_expired' });
    throw new AppError('unprocessable', 'This confirmation link is not valid', { reason: 'verification_invalid' });
  }
  // The address in the link must still be the account's: a link mailed before a change confirms nothing.
  const { count } = await deps.db.user.updateMany({ where: { id: claims.sub, email: claims.email }, data: { emailVerified: deps.now } });
  if (count === 0) throw new AppError('unprocessable', 'This confirmation link is not valid', { reason: 'verification_invalid' });
  return { userId: claims.sub, email: claims.email };
}
