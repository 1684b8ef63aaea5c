// The web app's side of email confirmation: the link is built on the origin the browser used and
// mailed over the configured SMTP server.
import 'server-only';
import type { NextRequest } from 'next/server';
import { sendEmailVerification } from '../../lib/auth/send-email-verification';
import { db, mailer } from './clients';
import { webConfig } from './config';
import { publicRequestUrl } from './gateway';

/**
 * `sent: false` when there is nothing to confirm, no SMTP server, or the send failed. A failure
 * is logged, not thrown: the sign-up or the new address it follows is already saved, and an SMTP
 * outage must not turn it into an error the fan retries into "email taken". My page offers to
 * send the link again.
 */
export async function mailEmailVerification(request: NextRequest, userId: string, requestId: string): Promise<{ sent: boolean }> {
  const smtp = mailer();
  if (!smtp) return { sent: false };
  try {
    return await sendEmailVerification(
      { db: db(), mailer: smtp, authSecret: webConfig().AUTH_SECRET, now: new Date() },
      { userId, origin: publicRequestUrl(request).origin },
    );
  } catch (error) {
    console.error(JSON.stringify({ level: 'error', service: 'web', requestId, msg: 'confirmation mail not sent', err: String(error) }));
    return { sent: false };
  }
}
