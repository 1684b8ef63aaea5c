// POST /api/auth/sign-up — create a customer account in the caller's language and mail the link
// that confirms its address (the browser then signs in through Auth.js).
import { NextResponse } from 'next/server';
import { SignUpUserInput, signUpUser } from '../../../../lib/auth/sign-up-user';
import { db } from '../../../_server/clients';
import { gateway } from '../../../_server/gateway';
import { requestLocale } from '../../../_server/localize-error-response';
import { mailEmailVerification } from '../../../_server/mail-email-verification';

export const POST = gateway({ access: 'public', rateLimit: 'AUTH', botCheck: true, jsonBody: true }, async ({ body, request, requestId }) => {
  const user = await signUpUser(db(), { ...SignUpUserInput.parse(body), locale: requestLocale(request) });
  const { sent } = await mailEmailVerification(request, user.id, requestId);
  return NextResponse.json({ user, verificationSent: sent }, { status: 201 });
});
