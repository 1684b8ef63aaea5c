// Kakao, Naver and Google sign-in through the real Auth.js route handler and the local
// stand-ins of the providers (stand-ins/oauth): sign-in redirect, the provider's authorize page,
// code exchange, user info, then the account rules: email-less accounts, and linking only
// through an email both the provider and our own confirmation link verified.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { standInEnv, startOAuthStandIn, type OAuthStandIn, type StandInProvider, type StandInUser } from '../../../stand-ins/oauth/start-oauth-stand-ins';
import { Browser, startTestWeb, WEB_ORIGIN, type TestWeb } from '../../../test/support/test-web';
import { startTestSmtp, type TestSmtp } from '../../../test/support/test-smtp';

let web: TestWeb;
let smtp: TestSmtp;
let standIns: OAuthStandIn[];
let nextauth: typeof import('./[...nextauth]/route');
let signUp: typeof import('./sign-up/route');
let verify: typeof import('./email/verify/route');

beforeAll(async () => {
  [smtp, ...standIns] = await Promise.all([startTestSmtp(), ...(['kakao', 'naver', 'google'] as const).map((p) => startOAuthStandIn(p))]);
  web = await startTestWeb(Object.assign({ SMTP_URL: smtp.smtpUrl }, ...standIns.map(standInEnv)));
  nextauth = await import('./[...nextauth]/route');
  signUp = await import('./sign-up/route');
  verify = await import('./email/verify/route');
});
afterAll(async () => {
  await web?.stop();
  await smtp?.stop();
  await Promise.all((standIns ?? []).map((s) => s.stop()));
});

const segments = (path: string) => ({ nextauth: path.split('/').filter(Boolean).slice(2) });
let nextId = 4_100_000_000;
const fan = (over: Partial<StandInUser> = {}): StandInUser => ({ id: String(nextId++), nickname: '카카오팬', email: '', emailVerified: false, ...over });

/** The browser's round trip: our sign-in → the provider's authorize endpoint → our callback. Returns where Auth.js sends it last. */
async function socialSignIn(browser: Browser, provider: StandInProvider, user: StandInUser, headers: Record<string, string> = {}): Promise<URL> {
  const csrf = await browser.call(nextauth.GET, 'GET', '/api/auth/csrf', { params: segments('/api/auth/csrf') });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const start = await browser.call(nextauth.POST, 'POST', `/api/auth/signin/${provider}`, {
    params: segments(`/api/auth/signin/${provider}`),
    form: { csrfToken, callbackUrl: '/' },
  });
  expect(start.status).toBe(302);
  const authorize = new URL(start.headers.get('location')!);
  const standIn = standIns.find((s) => s.provider === provider)!;
  expect(authorize.origin).toBe(standIn.url);
  expect(authorize.searchParams.get('client_id')).toBe(standIn.clientId);
  // What the stand-in's sign-in page submits.
  authorize.searchParams.set('standin_id', user.id);
  authorize.searchParams.set('standin_nickname', user.nickname);
  authorize.searchParams.set('standin_email', user.email);
  if (user.emailVerified) authorize.searchParams.set('standin_email_verified', 'true');
  const consent = await fetch(authorize, { redirect: 'manual' });
  expect(consent.status).toBe(302);
  const callback = new URL(consent.headers.get('location')!);
  expect(callback.origin).toBe(WEB_ORIGIN);
  const done = await browser.call(nextauth.GET, 'GET', callback.pathname + callback.search, { params: segments(callback.pathname), headers });
  expect(done.status).toBe(302);
  return new URL(done.headers.get('location')!, WEB_ORIGIN);
}

const accountOwner = (provider: string, providerAccountId: string) =>
  web.database.db.account.findUnique({ where: { provider_providerAccountId: { provider, providerAccountId } }, include: { user: true } });

const hasSession = (browser: Browser) => [...browser.cookies.keys()].some((name) => name.endsWith('authjs.session-token'));

describe('social sign-in against the provider stand-ins', () => {
  it('stores a Kakao user who shares no email, and signs the same Kakao user into the same account again', async () => {
    const user = fan();
    const browser = new Browser();
    expect((await socialSignIn(browser, 'kakao', user)).pathname).toBe('/');
    expect(hasSession(browser)).toBe(true);
    const account = await accountOwner('kakao', user.id);
    expect(account?.user).toMatchObject({ email: null, name: '카카오팬', passwordHash: null });

    expect((await socialSignIn(new Browser(), 'kakao', user)).pathname).toBe('/');
    expect(await web.database.db.account.count({ where: { userId: account!.userId } })).toBe(1);
  });

  it('keeps an email Kakao has not verified out of the account', async () => {
    const user = fan({ email: 'unverified-kakao@example.com', emailVerified: false });
    await socialSignIn(new Browser(), 'kakao', user);
    expect((await accountOwner('kakao', user.id))?.user.email).toBeNull();
  });

  it('stores a Kakao-verified email, lower-cased and counted as confirmed, and the language the fan signed up in', async () => {
    const user = fan({ email: 'Verified-Kakao@Example.com', emailVerified: true });
    await socialSignIn(new Browser(), 'kakao', user, { 'accept-language': 'en-US,en;q=0.9' });
    expect((await accountOwner('kakao', user.id))?.user).toMatchObject({ email: 'verified-kakao@example.com', emailVerified: expect.any(Date), locale: 'en' });
    const korean = fan({ email: 'korean-kakao@example.com', emailVerified: true });
    await socialSignIn(new Browser(), 'kakao', korean, { 'accept-language': 'ko-KR' });
    expect((await accountOwner('kakao', korean.id))?.user).toMatchObject({ locale: 'ko' });
  });

  it('maps a Naver profile ({resultcode, message, response}) and takes its email as verified', async () => {
    const user = fan({ id: 'naver-abc123', nickname: '네이버팬', email: 'naver-fan@naver.com' });
    expect((await socialSignIn(new Browser(), 'naver', user)).pathname).toBe('/');
    expect((await accountOwner('naver', user.id))?.user).toMatchObject({ email: 'naver-fan@naver.com', name: '네이버팬' });
  });

  it('links Google to an existing account through a verified email', async () => {
    const existing = await web.database.db.user.create({ data: { email: 'linked-fan@example.com', name: 'Linked fan', emailVerified: new Date('2030-01-01T00:00:00Z') } });
    const user = fan({ id: 'google-sub-1', nickname: 'Linked fan', email: 'linked-fan@example.com', emailVerified: true });
    expect((await socialSignIn(new Browser(), 'google', user)).pathname).toBe('/');
    expect((await accountOwner('google', user.id))?.userId).toBe(existing.id);
  });

  it('never lets an unverified matching email take over an existing account (Google or Kakao)', async () => {
    const victim = await web.database.db.user.create({ data: { email: 'victim@example.com', name: 'Victim' } });
    const viaGoogle = fan({ id: 'google-sub-attacker', email: 'victim@example.com', emailVerified: false });
    const viaKakao = fan({ email: 'VICTIM@example.com', emailVerified: false });
    for (const [provider, user] of [['google', viaGoogle], ['kakao', viaKakao]] as const) {
      const browser = new Browser();
      await socialSignIn(browser, provider, user);
      const account = await accountOwner(provider, user.id);
      expect(account?.userId).not.toBe(victim.id);
      expect(account?.user.email).toBeNull();
    }
    expect(await web.database.db.account.count({ where: { userId: victim.id } })).toBe(0);
  });

  it('links a second provider to a password account only after its email was confirmed through the mailed link', async () => {
    // Someone signs up with an address they do not hold: nothing confirms it, so the owner's
    // Google sign-in must not land in this account.
    const browser = new Browser();
    const created = await browser.call(signUp.POST, 'POST', '/api/auth/sign-up', {
      json: { email: 'owner@example.com', password: 'correct horse 7', name: 'Owner' },
      headers: { 'accept-language': 'en-US' },
    });
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ verificationSent: true });
    const owner = fan({ id: 'google-sub-owner', nickname: 'Owner', email: 'owner@example.com', emailVerified: true });
    const refused = new Browser();
    const landing = await socialSignIn(refused, 'google', owner);
    expect([landing.pathname, landing.searchParams.get('error')]).toEqual(['/sign-in', 'email_unverified']);
    expect(hasSession(refused)).toBe(false);
    expect(await accountOwner('google', owner.id)).toBeNull();

    // The account holder follows the link mailed at sign-up (in English: the sign-up's language).
    const mail = await smtp.waitForMail('owner@example.com');
    expect(mail.subject).toBe('[OpenSeat] Confirm your email address');
    const link = new URL(/https?:\/\/\S+/.exec(mail.text)![0]);
    expect(`${link.origin}${link.pathname}`).toBe(`${WEB_ORIGIN}/api/auth/email/verify`);
    const confirmed = await new Browser().call(verify.GET, 'GET', link.pathname + link.search);
    expect(confirmed.status).toBe(303);
    expect(new URL(confirmed.headers.get('location')!).search).toBe('?emailVerification=verified');

    expect((await socialSignIn(new Browser(), 'google', owner)).pathname).toBe('/');
    const account = await accountOwner('google', owner.id);
    expect(account?.user).toMatchObject({ email: 'owner@example.com', name: 'Owner', passwordHash: expect.any(String) });
  });
});
