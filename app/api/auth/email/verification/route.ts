// POST /api/auth/email/verification — mail my email-confirmation link again.
import { NextResponse } from 'next/server';
import { gateway } from '../../../../_server/gateway';
import { mailEmailVerification } from '../../../../_server/mail-email-verification';

export const POST = gateway({ access: 'user', rateLimit: 'AUTH' }, async ({ caller, request, requestId }) => {
  return NextResponse.json({ verificationSent: (await mailEmailVerification(request, caller!.id, requestId)).sent });
});
