// POST /api/auth/email — an email-less account (a Kakao fan who shared none) adds its address; a
// confirmation link goes to it.
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { addUserEmail } from '../../../../lib/auth/add-user-email';
import { db } from '../../../_server/clients';
import { gateway } from '../../../_server/gateway';
import { mailEmailVerification } from '../../../_server/mail-email-verification';

const Body = z.object({ email: z.string() });

export const POST = gateway({ access: 'user', rateLimit: 'AUTH', jsonBody: true }, async ({ body, caller, request, requestId }) => {
  const { email } = await addUserEmail(db(), { userId: caller!.id, ...Body.parse(body) });
  const { sent } = await mailEmailVerification(request, caller!.id, requestId);
  return NextResponse.json({ email, verificationSent: sent });
});
