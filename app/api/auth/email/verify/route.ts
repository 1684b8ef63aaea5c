// GET /api/auth/email/verify?token= — the link in the confirmation mail: confirms the address and
// sends the browser to my page, which says how it went. It needs no session: the signed link
// itself proves the reader holds the mailbox, whichever browser opens it.
import { NextResponse } from 'next/server';
import { confirmUserEmail } from '../../../../../lib/auth/confirm-user-email';
import { AppError } from '../../../../../lib/errors/app-error';
import { db } from '../../../../_server/clients';
import { webConfig } from '../../../../_server/config';
import { gateway, publicRequestUrl } from '../../../../_server/gateway';

export const GET = gateway({ access: 'public', rateLimit: 'AUTH' }, async ({ request }) => {
  const token = request.nextUrl.searchParams.get('token') ?? '';
  let outcome: string;
  try {
    await confirmUserEmail({ db: db(), authSecret: webConfig().AUTH_SECRET, now: new Date() }, token);
    outcome = 'verified';
  } catch (error) {
    // A person followed a link: they get a page that says what happened, not a JSON error.
    if (!(error instanceof AppError) || error.code !== 'unprocessable') throw error;
    outcome = error.details?.reason === 'verification_expired' ? 'expired' : 'invalid';
  }
  return NextResponse.redirect(new URL(`/me?emailVerification=${outcome}`, publicRequestUrl(request)), 303);
});
