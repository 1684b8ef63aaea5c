// Sign-up → sign-in → session → sign-out through the real route handlers (Auth.js included),
// against this file's own PostgreSQL database and the shared Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../../../lib/demo/seed-demo-data';
import { Browser, startTestWeb, type TestWeb } from '../../../test/support/test-web';

let web: TestWeb;
let nextauth: typeof import('./[...nextauth]/route');
let signUp: typeof import('./sign-up/route');
let password: typeof import('./password/route');
let gatewayModule: typeof import('../../_server/gateway');

beforeAll(async () => {
  web = await startTestWeb();
  nextauth = await import('./[...nextauth]/route');
  signUp = await import('./sign-up/route');
  password = await import('./password/route');
  gatewayModule = await import('../../_server/gateway');
  const { hashPassword } = await import('../../../lib/auth/hash-password');
  for (const [role, account] of [['ADMIN', DEMO_ACCOUNTS.admin], ['USER', DEMO_ACCOUNTS.customer]] as const) {
    await web.database.db.user.create({ data: { email: account.email, name: account.name, role, passwordHash: await hashPassword(account.password) } });
  }
});
afterAll(async () => {
  await web.stop();
});

const segments = (path: string) => ({ nextauth: path.split('/').filter(Boolean).slice(2) });

async function signIn(browser: Browser, email: string, pass: string) {
  const csrf = await browser.call(nextauth.GET, 'GET', '/api/auth/csrf', { params: segments('/api/auth/csrf') });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  // What next-auth/react's signIn('credentials', { redirect: false }) sends.
  const response = await browser.call(nextauth.POST, 'POST', '/api/auth/callback/credentials', {
    params: segments('/api/auth/callback/credentials'),
    form: { email, password: pass, csrfToken, callbackUrl: '/' },
    headers: { 'x-auth-return-redirect': '1' },
  });
  return { status: response.status, url: new URL(((await response.json()) as { url: string }).url) };
}

async function session(browser: Browser) {
  const response = await browser.call(nextauth.GET, 'GET', '/api/auth/session', { params: segments('/api/auth/session') });
  return (await response.json()) as { user?: { id: string; name: string; email: string; role: string } } | null;
}

/** What a gateway route sees as its caller: the gateway decodes the same cookie Auth.js set. */
async function gatewayCaller(browser: Browser) {
  const whoAmI = gatewayModule.gateway({ access: 'public', rateLimit: 'GENERAL' }, async ({ caller }) => Response.json({ caller }));
  const response = await browser.call(whoAmI, 'GET', '/api/test/whoami');
  return ((await response.json()) as { caller: { id: string; role: string } | null }).caller;
}

describe('accounts', () => {
  it('signs a new customer up, in (session carries id and role to the gateway) and out', async () => {
    const browser = new Browser();
    const created = await browser.call(signUp.POST, 'POST', '/api/auth/sign-up', {
      json: { email: 'Seo.Yeon@Example.com', password: 'correct horse 7', name: '서연 Seoyeon' },
    });
    expect(created.status).toBe(201);
    const { user } = (await created.json()) as { user: { id: string; email: string; role: string } };
    expect(user).toMatchObject({ email: 'seo.yeon@example.com', role: 'USER' });

    const signedIn = await signIn(browser, 'seo.yeon@example.com', 'correct horse 7');
    expect(signedIn.url.searchParams.get('error')).toBeNull();
    const cookie = [...browser.cookies.keys()].find((name) => name.endsWith('authjs.session-token'));
    expect(cookie).toBe('authjs.session-token');

    expect((await session(browser))?.user).toMatchObject({ id: user.id, name: '서연 Seoyeon', email: 'seo.yeon@example.com', role: 'USER' });
    expect(await gatewayCaller(browser)).toEqual({ id: user.id, role: 'USER' });

    const { csrfToken } = (await (await browser.call(nextauth.GET, 'GET', '/api/auth/csrf', { params: segments('/api/auth/csrf') })).json()) as { csrfToken: string };
    await browser.call(nextauth.POST, 'POST', '/api/auth/signout', { params: segments('/api/auth/signout'), form: { csrfToken }, headers: { 'x-auth-return-redirect': '1' } });
    expect(browser.cookies.has('authjs.session-token')).toBe(false);
    expect(await session(browser)).toBeNull();
    expect(await gatewayCaller(browser)).toBeNull();
  });

  it('signs the demo admin and customer in with their printed passwords, with their roles', async () => {
    const admin = new Browser();
    await signIn(admin, DEMO_ACCOUNTS.admin.email, DEMO_ACCOUNTS.admin.password);
    expect(await gatewayCaller(admin)).toMatchObject({ role: 'ADMIN' });
    const fan = new Browser();
    await signIn(fan, DEMO_ACCOUNTS.customer.email, DEMO_ACCOUNTS.customer.password);
    expect(await gatewayCaller(fan)).toMatchObject({ role: 'USER' });
  });

  it('answers a wrong password and an unknown email with the same error in similar time', async () => {
    const attempt = async (email: string) => {
      const started = performance.now();
      const result = await signIn(new Browser(), email, 'not-the-password-1');
      return { ms: performance.now() - started, error: result.url.searchParams.get('error'), code: result.url.searchParams.get('code'), status: result.status };
    };
    await attempt(DEMO_ACCOUNTS.customer.email); // warm-up: the dummy hash is computed once
    const wrong: number[] = [];
    const unknown: number[] = [];
    let wrongResult, unknownResult;
    for (let i = 0; i < 5; i++) {
      wrongResult = await attempt(DEMO_ACCOUNTS.customer.email);
      unknownResult = await attempt(`nobody-${i}@example.com`);
      wrong.push(wrongResult.ms);
      unknown.push(unknownResult.ms);
    }
    expect(wrongResult).toMatchObject({ status: 200, error: 'CredentialsSignin', code: 'invalid_credentials' });
    expect({ ...unknownResult, ms: 0 }).toEqual({ ...wrongResult, ms: 0 });
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    // Both pay one argon2id verification (~25 ms); without the dummy hash an unknown email
    // answers in ~2 ms (ratio ~0.1). Generous bounds: the machine is shared.
    const ratio = median(unknown) / median(wrong);
    expect(ratio).toBeGreaterThan(0.33);
    expect(ratio).toBeLessThan(3);
  });

  it('refuses a second account for one email with a 409 that names the field', async () => {
    const response = await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', {
      json: { email: DEMO_ACCOUNTS.customer.email.toUpperCase(), password: 'another pass 9', name: 'Copy' },
    });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ error: { code: 'conflict', field: 'email' } });
  });

  it('names the field that breaks the rules with a 400', async () => {
    const browser = new Browser();
    const weak = await browser.call(signUp.POST, 'POST', '/api/auth/sign-up', {
      json: { email: 'weak@example.com', password: 'abcdefgh', name: 'Weak' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ error: { code: 'validation_failed', field: 'password', message: 'password: must contain a digit or a symbol' } });
    // A Korean reader gets the same code and field, with the message in Korean.
    const weakKo = await browser.call(signUp.POST, 'POST', '/api/auth/sign-up', { json: { email: 'weak@example.com', password: 'abcdefgh', name: 'Weak' }, headers: { 'accept-language': 'ko-KR' } });
    expect(await weakKo.json()).toMatchObject({ error: { code: 'validation_failed', field: 'password', message: '입력값을 확인해 주세요.' } });
    const badEmail = await browser.call(signUp.POST, 'POST', '/api/auth/sign-up', { json: { email: 'not-an-email', password: 'good pass 1', name: 'X' } });
    expect(await badEmail.json()).toMatchObject({ error: { field: 'email' } });
  });

  it('changes the password only with the current one, and the new one signs in', async () => {
    const browser = new Browser();
    await browser.call(signUp.POST, 'POST', '/api/auth/sign-up', { json: { email: 'changer@example.com', password: 'first pass 1', name: 'Changer' } });
    await signIn(browser, 'changer@example.com', 'first pass 1');
    const refused = await browser.call(password.POST, 'POST', '/api/auth/password', { json: { currentPassword: 'wrong', newPassword: 'second pass 2' } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { field: 'currentPassword' } });
    const changed = await browser.call(password.POST, 'POST', '/api/auth/password', { json: { currentPassword: 'first pass 1', newPassword: 'second pass 2' } });
    expect(changed.status).toBe(204);
    const fresh = new Browser();
    expect((await signIn(fresh, 'changer@example.com', 'first pass 1')).url.searchParams.get('error')).toBe('CredentialsSignin');
    await signIn(fresh, 'changer@example.com', 'second pass 2');
    expect(await gatewayCaller(fresh)).toMatchObject({ role: 'USER' });
  });
});
