// Mails the link that confirms an account's email address: signed (HS256, key from AUTH_SECRET),
// bound to the account and to that address, and expiring. Until it is followed the address is the
// user's word only: it receives mail, but no social sign-in links to the account through it.
import { SignJWT } from 'jose';
import type { Db } from '../db/create-prisma';
import { getTranslator } from '../i18n/get-translator';
import { isLocale, defaultLocale } from '../i18n/locales';
import type { Mailer } from '../mail/create-mailer';
import { EMAIL_VERIFICATION_AUDIENCE, emailVerificationKey } from './email-verification-key';

/** A day: long enough to find the mail the next morning, short enough that an old inbox leak is stale. */
export const EMAIL_VERIFICATION_TTL_HOURS = 24;

/** Where the link lands; the route confirms and sends the browser on to my page. */
export const EMAIL_VERIFICATION_PATH = '/api/auth/email/verify';

export type SendEmailVerificationDeps = { db: Db; mailer: Mailer; authSecret: string; now: Date };

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** `sent: false` when there is nothing to confirm: no address, or already confirmed. */
export async function sendEmailVerification(deps: SendEmailVerificationDeps, input: { userId: string; origin: string }): Promise<{ sent: boolean }> {
  const user = await deps.db.user.findUnique({ where: { id: input.userId }, select: { id: true, email: true, emailVerified: true, locale: true } });
  if (!user?.email || user.emailVerified) return { sent: false };
  const issuedAt = Math.floor(deps.now.getTime() / 1000);
  const token = await new SignJWT({ email: user.email })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(user.id)
    .setAudience(EMAIL_VERIFICATION_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + EMAIL_VERIFICATION_TTL_HOURS * 3600)
    .sign(emailVerificationKey(deps.authSecret));
  const link = new URL(EMAIL_VERIFICATION_PATH, input.origin);
  link.searchParams.set('token', token);
  const t = getTranslator(isLocale(user.locale) ? user.locale : defaultLocale, 'mail');
  const lines = [t('emailVerification.lead', { email: user.email }), '', link.href, '', t('emailVerification.expires', { hours: EMAIL_VERIFICATION_TTL_HOURS }), t('emailVerification.ignore')];
  await deps.mailer.send({
    to: user.email,
    subject: t('emailVerification.subject'),
    text: lines.join('\n'),
    html: `<!doctype html><html lang="${user.locale}"><body style="font-family:sans-serif">
<p>${escape(t('emailVerification.lead', { email: user.email }))}</p>
<p><a href="${escape(link.href)}">${escape(t('emailVerification.action'))}</a></p>
<p>${escape(t('emailVerification.expires', { hours: EMAIL_VERIFICATION_TTL_HOURS }))} ${escape(t('emailVerification.ignore'))}</p></body></html>`,
  });
  return { sent: true };
}
