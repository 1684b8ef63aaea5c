// Email confirmation through the real route handlers and the SMTP stand-in: an address added on my
// page is stored unconfirmed, a signed link is mailed in the account's language, and only
// following that link (unexpired, unaltered, for the address the account still has) confirms it.
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startTestWeb, WEB_ORIGIN, type TestWeb } from '../../../test/support/test-web';
import { startTestSmtp, type TestSmtp } from '../../../test/support/test-smtp';
import { confirmUserEmail } from '../../../lib/auth/confirm-user-email';
import { EMAIL_VERIFICATION_TTL_HOURS, sendEmailVerification } from '../../../lib/auth/send-email-verification';

let web: TestWeb;
let smtp: TestSmtp;
let addEmail: typeof import('./email/route');
let resend: typeof import('./email/verification/route');
let verify: typeof import('./email/verify/route');

beforeAll(async () => {
  smtp = await startTestSmtp();
  web = await startTestWeb({ SMTP_URL: smtp.smtpUrl });
  addEmail = await import('./email/route');
  resend = await import('./email/verification/route');
  verify = await import('./email/verify/route');
});
afterAll(async () => {
  await web?.stop();
  await smtp?.stop();
});

let serial = 0;
/** An email-less Kakao-style account, signed in: the session cookie the gateway decodes. */
async function signedInFan(locale: 'ko' | 'en') {
  const user = await web.database.db.user.create({ data: { name: `fan ${++serial}`, locale } });
  const browser = new Browser();
  browser.cookies.set('authjs.session-token', await encode({ token: { sub: user.id, role: 'USER', name: user.name }, secret: web.authSecret, salt: 'authjs.session-token' }));
  return { user, browser };
}

const linkIn = (text: string) => new URL(/https?:\/\/\S+/.exec(text)![0]);
const emailVerified = async (id: string) => (await web.database.db.user.findUniqueOrThrow({ where: { id } })).emailVerified;

async function follow(link: URL) {
  const response = await new Browser().call(verify.GET, 'GET', link.pathname + link.search);
  expect(response.status).toBe(303);
  return new URL(response.headers.get('location')!).searchParams.get('emailVerification');
}

describe('email confirmation', () => {
  it('stores an added address unconfirmed, mails a link in the account\'s language, and confirms it when followed', async () => {
    const { user, browser } = await signedInFan('ko');
    const added = await browser.call(addEmail.POST, 'POST', '/api/auth/email', { json: { email: 'added@example.com' } });
    expect(added.status).toBe(200);
    expect(await added.json()).toEqual({ email: 'added@example.com', verificationSent: true });
    expect(await emailVerified(user.id)).toBeNull();

    const mail = await smtp.waitForMail('added@example.com');
    expect(mail.subject).toBe('[OpenSeat] 이메일 주소를 확인해 주세요');
    expect(mail.text).toContain(`링크는 ${EMAIL_VERIFICATION_TTL_HOURS}시간 동안 유효합니다.`);
    const link = linkIn(mail.text);
    expect(link.origin).toBe(WEB_ORIGIN);

    expect(await follow(link)).toBe('verified');
    expect(await emailVerified(user.id)).toEqual(expect.any(Date));
    // Nothing left to confirm: no second mail.
    expect(await (await browser.call(resend.POST, 'POST', '/api/auth/email/verification')).json()).toEqual({ verificationSent: false });
    expect(smtp.messages('added@example.com')).toHaveLength(1);
  });

  it('sends the link again on request, in English for an English account', async () => {
    const { user, browser } = await signedInFan('en');
    await browser.call(addEmail.POST, 'POST', '/api/auth/email', { json: { email: 'again@example.com' } });
    await smtp.waitForMail('again@example.com');
    expect(await (await browser.call(resend.POST, 'POST', '/api/auth/email/verification')).json()).toEqual({ verificationSent: true });
    const mails = smtp.messages('again@example.com');
    expect(mails.map((m) => m.subject)).toEqual(['[OpenSeat] Confirm your email address', '[OpenSeat] Confirm your email address']);
    expect(mails[1]!.text).not.toMatch(/[\uac00-\ud7af]/);
    expect(await follow(linkIn(mails[1]!.text))).toBe('verified');
    expect(await emailVerified(user.id)).not.toBeNull();
  });

  it('refuses a link that expired, was altered, was signed with another secret, or names an address the account no longer has', async () => {
    const { user } = await signedInFan('ko');
    await web.database.db.user.update({ where: { id: user.id }, data: { email: 'stale@example.com' } });
    const issuedAt = new Date('2031-03-01T00:00:00Z');
    const deps = { db: web.database.db, mailer: smtp.mailer, authSecret: web.authSecret, now: issuedAt };
    await sendEmailVerification(deps, { userId: user.id, origin: WEB_ORIGIN });
    const token = linkIn((await smtp.waitForMail('stale@example.com')).text).searchParams.get('token')!;
    const at = (hours: number) => ({ db: web.database.db, authSecret: web.authSecret, now: new Date(issuedAt.getTime() + hours * 3_600_000) });

    await expect(confirmUserEmail(at(EMAIL_VERIFICATION_TTL_HOURS + 1), token)).rejects.toMatchObject({ code: 'unprocessable', details: { reason: 'verification_expired' } });
    const [header, payload, signature] = token.split('.');
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), email: 'other@example.com' })).toString('base64url')}.${signature}`;
    await expect(confirmUserEmail(at(1), altered)).rejects.toMatchObject({ details: { reason: 'verification_invalid' } });
    await expect(confirmUserEmail({ ...at(1), authSecret: 'a-different-auth-secret-of-32-characters!' }, token)).rejects.toMatchObject({ details: { reason: 'verification_invalid' } });
    // Through the route: a person reading a bad link gets my page with the outcome, not JSON.
    const bad = new URL('/api/auth/email/verify?token=not-a-token', WEB_ORIGIN);
    expect(await follow(bad)).toBe('invalid');
    expect(await emailVerified(user.id)).toBeNull();

    await web.database.db.user.update({ where: { id: user.id }, data: { email: 'changed@example.com' } });
    await expect(confirmUserEmail(at(1), token)).rejects.toMatchObject({ details: { reason: 'verification_invalid' } });
    expect(await emailVerified(user.id)).toBeNull();
    await web.database.db.user.update({ where: { id: user.id }, data: { email: 'stale@example.com' } });
    expect(await confirmUserEmail(at(1), token)).toEqual({ userId: user.id, email: 'stale@example.com' });
    expect(await emailVerified(user.id)).toEqual(at(1).now);
  });
});
