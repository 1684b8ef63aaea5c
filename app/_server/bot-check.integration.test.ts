// The bot check switched on, against a local stand-in for Google's siteverify endpoint.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startTestWeb, type TestWeb } from '../../test/support/test-web';

const SECRET = 'test-recaptcha-secret';
let web: TestWeb;
let verifier: Server;
const seen: URLSearchParams[] = [];
let signUp: typeof import('../api/auth/sign-up/route');
let nextauth: typeof import('../api/auth/[...nextauth]/route');

/** Tokens name their verdict: human-<action>, bot-<action>, forged, broken. */
function siteverify(form: URLSearchParams): { status: number; body: unknown } {
  const token = form.get('response') ?? '';
  if (form.get('secret') !== SECRET) return { status: 200, body: { success: false, 'error-codes': ['invalid-input-secret'] } };
  if (token === 'broken') return { status: 500, body: {} };
  const [verdict, action] = token.split('-');
  if (verdict === 'human') return { status: 200, body: { success: true, score: 0.9, action } };
  if (verdict === 'bot') return { status: 200, body: { success: true, score: 0.1, action } };
  return { status: 200, body: { success: false, 'error-codes': ['invalid-input-response'] } };
}

beforeAll(async () => {
  verifier = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => (raw += chunk));
    request.on('end', () => {
      const form = new URLSearchParams(raw);
      seen.push(form);
      const { status, body } = siteverify(form);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => verifier.listen(0, '127.0.0.1', resolve));
  const { port } = verifier.address() as AddressInfo;
  web = await startTestWeb({
    RECAPTCHA_SECRET: SECRET,
    RECAPTCHA_SITE_KEY: 'test-site-key',
    RECAPTCHA_VERIFY_URL: `http://127.0.0.1:${port}/recaptcha/api/siteverify`,
    RECAPTCHA_MIN_SCORE: '0.5',
  });
  signUp = await import('../api/auth/sign-up/route');
  nextauth = await import('../api/auth/[...nextauth]/route');
});
afterAll(async () => {
  await web.stop();
  await new Promise((resolve) => verifier.close(resolve));
});

const account = (email: string) => ({ email, password: 'bot check 1', name: 'Checked' });

describe('bot check (reCAPTCHA v3)', () => {
  it('refuses a sign-up without a token, with a forged one or with a low score, and accepts a human', async () => {
    const browser = new Browser();
    const post = (token: string | null, email: string) =>
      browser.call(signUp.POST, 'POST', '/api/auth/sign-up', { json: account(email), headers: token ? { 'x-recaptcha-token': token } : {} });

    const missing = await post(null, 'a@example.com');
    expect(missing.status).toBe(403);
    expect(await missing.json()).toMatchObject({ error: { code: 'forbidden', reason: 'missing-token' } });
    expect(await (await post('forged', 'a@example.com')).json()).toMatchObject({ error: { reason: 'invalid-token' } });
    expect(await (await post('bot-sign_up', 'a@example.com')).json()).toMatchObject({ error: { reason: 'low-score' } });
    // A token issued for another page's action is not reusable here.
    expect(await (await post('human-queue_join', 'a@example.com')).json()).toMatchObject({ error: { reason: 'wrong-action' } });
    expect(await web.database.db.user.count({ where: { email: 'a@example.com' } })).toBe(0);

    expect((await post('human-sign_up', 'a@example.com')).status).toBe(201);
    const last = seen.at(-1)!;
    expect(last.get('secret')).toBe(SECRET);
    expect(last.get('remoteip')).toBe(browser.ip);
  });

  it('fails closed with 503 when the verifier cannot answer', async () => {
    const response = await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { json: account('b@example.com'), headers: { 'x-recaptcha-token': 'broken' } });
    expect(response.status).toBe(503);
  });

  it('checks the token a credentials sign-in carries', async () => {
    await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { json: account('c@example.com'), headers: { 'x-recaptcha-token': 'human-sign_up' } });
    const signIn = async (recaptchaToken: string) => {
      const browser = new Browser();
      const csrf = (await (await browser.call(nextauth.GET, 'GET', '/api/auth/csrf', { params: { nextauth: ['csrf'] } })).json()) as { csrfToken: string };
      const response = await browser.call(nextauth.POST, 'POST', '/api/auth/callback/credentials', {
        params: { nextauth: ['callback', 'credentials'] },
        form: { email: 'c@example.com', password: 'bot check 1', recaptchaToken, csrfToken: csrf.csrfToken },
        headers: { 'x-auth-return-redirect': '1' },
      });
      return { url: new URL(((await response.json()) as { url: string }).url), signedIn: browser.cookies.has('authjs.session-token') };
    };
    const bot = await signIn('bot-sign_in');
    expect(bot.signedIn).toBe(false);
    expect(bot.url.searchParams.get('code')).toBe('bot_check_failed');
    expect((await signIn('human-sign_in')).signedIn).toBe(true);
  });
});
