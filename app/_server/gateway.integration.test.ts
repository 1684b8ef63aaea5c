// The gateway chain against real Redis, PostgreSQL and a worker API on a loopback port:
// origin check, cookie → JWT, rate limit, access, and owner scoping behind the gateway.
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startTestWeb, WEB_ORIGIN, type TestWeb } from '../../test/support/test-web';

let web: TestWeb;
let gateway: typeof import('./gateway').gateway;
let nextauth: typeof import('../api/auth/[...nextauth]/route');
let signUp: typeof import('../api/auth/sign-up/route');
let reservation: typeof import('../api/reservations/[id]/route');
let adminCatalog: typeof import('../api/admin/catalog/[[...path]]/route');
let proxy: typeof import('../../proxy').proxy;
let users: { admin: { id: string }; fan: { id: string }; other: { id: string } };

beforeAll(async () => {
  web = await startTestWeb();
  ({ gateway } = await import('./gateway'));
  nextauth = await import('../api/auth/[...nextauth]/route');
  signUp = await import('../api/auth/sign-up/route');
  reservation = await import('../api/reservations/[id]/route');
  adminCatalog = await import('../api/admin/catalog/[[...path]]/route');
  ({ proxy } = await import('../../proxy'));
  const db = web.database.db;
  users = {
    admin: await db.user.create({ data: { email: 'admin@example.com', name: 'Admin', role: 'ADMIN' } }),
    fan: await db.user.create({ data: { email: 'fan@example.com', name: 'Fan', role: 'USER' } }),
    other: await db.user.create({ data: { email: 'other@example.com', name: 'Other', role: 'USER' } }),
  };
  const venue = await db.venue.create({ data: { slug: 'test-venue', name: 'Venue', city: 'Seoul', address: 'Somewhere' } });
  const hall = await db.hall.create({ data: { venueId: venue.id, name: 'Hall' } });
  const event = await db.event.create({ data: { slug: 'test-event', title: 'Event' } });
  const day = 86_400_000;
  await db.performance.create({
    data: { eventId: event.id, hallId: hall.id, startsAt: new Date(Date.now() + 30 * day), generalSaleOpensAt: new Date(Date.now() - day), generalSaleClosesAt: new Date(Date.now() + 29 * day) },
  });
});
afterAll(async () => {
  await web.stop();
});

/** A browser holding a session cookie minted with the server's secret, as Auth.js mints it. */
async function signedIn(user: { id: string }, role: 'USER' | 'ADMIN') {
  const browser = new Browser();
  const token = await encode({ token: { sub: user.id, role, name: 'Test', email: 'test@example.com' }, secret: web.authSecret, salt: 'authjs.session-token' });
  browser.cookies.set('authjs.session-token', token);
  return browser;
}

const adminOnly = () => gateway({ access: 'admin', rateLimit: 'GENERAL' }, async ({ caller }) => Response.json({ caller }));
const userOnly = () => gateway({ access: 'user', rateLimit: 'GENERAL' }, async ({ caller }) => Response.json({ caller }));

describe('gateway', () => {
  it('answers the 21st AUTH request from one IP within a minute with 429, Retry-After and a JSON body', async () => {
    const browser = new Browser();
    const csrf = await browser.call(nextauth.GET, 'GET', '/api/auth/csrf', { params: { nextauth: ['csrf'] } });
    const { csrfToken } = (await csrf.json()) as { csrfToken: string };
    // A password guesser: real credential sign-ins, each a wrong guess.
    const attempt = () =>
      browser.call(nextauth.POST, 'POST', '/api/auth/callback/credentials', {
        params: { nextauth: ['callback', 'credentials'] },
        form: { email: 'fan@example.com', password: 'guess-1', csrfToken },
        headers: { 'x-auth-return-redirect': '1' },
      });
    // All 21 at once: the limiter runs before the password check, so they reach Redis within
    // milliseconds; sent one by one on a loaded machine, 20 argon2 checks can outlast the 3 s
    // in which the bucket earns a token back.
    const responses = await Promise.all(Array.from({ length: 21 }, attempt));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(20).fill(200), 429]);
    const refused = responses.find((r) => r.status === 429)!;
    const retryAfter = Number(refused.headers.get('retry-after'));
    // One token comes back every 60 s / 20 = 3 s.
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(3);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited', category: 'AUTH', limit: 20, retryAfterSeconds: retryAfter } });
    // Another client IP has a bucket of its own.
    const neighbour = new Browser();
    const allowed = await neighbour.call(nextauth.GET, 'GET', '/api/auth/providers', { params: { nextauth: ['providers'] } });
    expect(allowed.status).toBe(200);
    const signUpFromNeighbour = await neighbour.call(signUp.POST, 'POST', '/api/auth/sign-up', { json: {} });
    expect(signUpFromNeighbour.status).toBe(400);
  });

  it('keys a signed-in caller by user, not by the IP they share with others', async () => {
    const booking = gateway({ access: 'user', rateLimit: 'BOOKING' }, async () => Response.json({ ok: true }));
    const fan = await signedIn(users.other, 'USER');
    for (let i = 0; i < 10; i++) expect((await fan.call(booking, 'GET', '/api/test/booking')).status).toBe(200);
    expect((await fan.call(booking, 'GET', '/api/test/booking')).status).toBe(429);
    const sameIp = await signedIn(users.fan, 'USER');
    Object.assign(sameIp, { ip: fan.ip });
    expect((await sameIp.call(booking, 'GET', '/api/test/booking')).status).toBe(200);
  });

  it('lets only ADMIN through an admin route: 401 signed out, 403 as USER, 200 as ADMIN', async () => {
    expect((await new Browser().call(adminOnly(), 'GET', '/api/admin/test')).status).toBe(401);
    const asUser = await (await signedIn(users.fan, 'USER')).call(adminOnly(), 'GET', '/api/admin/test');
    expect(asUser.status).toBe(403);
    expect(await asUser.json()).toMatchObject({ error: { code: 'forbidden' } });
    const asAdmin = await (await signedIn(users.admin, 'ADMIN')).call(adminOnly(), 'GET', '/api/admin/test');
    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.json()).toEqual({ caller: { id: users.admin.id, role: 'ADMIN' } });
  });

  it('guards the real /api/admin/* routes the same way, before anything reaches the workers', async () => {
    const list = (browser: Browser) => browser.call(adminCatalog.GET, 'GET', '/api/admin/catalog', { params: { path: [] } });
    expect((await list(new Browser())).status).toBe(401);
    expect((await list(await signedIn(users.fan, 'USER'))).status).toBe(403);
    const create = await (await signedIn(users.fan, 'USER')).call(adminCatalog.POST, 'POST', '/api/admin/catalog/venues', { params: { path: ['venues'] }, json: { slug: 'x' } });
    expect(create.status).toBe(403);
    expect((await list(await signedIn(users.admin, 'ADMIN'))).status).toBe(200);
  });

  it("answers another user's reservation id with 404, exactly like an id that does not exist", async () => {
    const db = web.database.db;
    const performance = await db.performance.findFirstOrThrow();
    const own = await db.reservation.create({ data: { userId: users.fan.id, performanceId: performance.id, totalKrw: 0, paymentDeadline: new Date(Date.now() + 600_000) } });
    const theirs = await db.reservation.create({ data: { userId: users.other.id, performanceId: performance.id, totalKrw: 0, paymentDeadline: new Date(Date.now() + 600_000) } });
    const fan = await signedIn(users.fan, 'USER');
    const read = (id: string) => fan.call(reservation.GET, 'GET', `/api/reservations/${id}`, { params: { id } });

    const mine = await read(own.id);
    expect(mine.status).toBe(200);
    expect(await mine.json()).toMatchObject({ reservation: { id: own.id, status: 'PENDING' } });
    const other = await read(theirs.id);
    expect(other.status).toBe(404);
    const missing = await read('0190d8e4-0000-7000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect((await other.json()).error.message).toBe((await missing.json()).error.message);
    expect((await read('not-a-uuid')).status).toBe(404);
    expect((await new Browser().call(reservation.GET, 'GET', `/api/reservations/${own.id}`, { params: { id: own.id } })).status).toBe(401);
  });

  it('treats a tampered, foreign or garbage session cookie as signed out', async () => {
    const browser = await signedIn(users.admin, 'ADMIN');
    const token = browser.cookies.get('authjs.session-token')!;
    // Flip one character in the ciphertext part of the JWE.
    const parts = token.split('.');
    const c = parts[3]!;
    parts[3] = c.slice(0, 5) + (c[5] === 'A' ? 'B' : 'A') + c.slice(6);
    browser.cookies.set('authjs.session-token', parts.join('.'));
    expect((await browser.call(userOnly(), 'GET', '/api/test/me')).status).toBe(401);

    const foreign = new Browser();
    foreign.cookies.set('authjs.session-token', await encode({ token: { sub: users.admin.id, role: 'ADMIN' }, secret: 'x'.repeat(64), salt: 'authjs.session-token' }));
    expect((await foreign.call(userOnly(), 'GET', '/api/test/me')).status).toBe(401);

    const garbage = new Browser();
    garbage.cookies.set('authjs.session-token', 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.');
    const open = gateway({ access: 'public', rateLimit: 'GENERAL' }, async ({ caller }) => Response.json({ caller }));
    expect(await (await garbage.call(open, 'GET', '/api/test/open')).json()).toEqual({ caller: null });
  });

  it('refuses a cross-origin POST to a state-changing route with 403 and lets a same-origin one through', async () => {
    const body = { email: 'cross@example.com', password: 'cross site 1', name: 'Cross' };
    const cross = await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { json: body, origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    expect(await cross.json()).toMatchObject({ error: { code: 'forbidden' } });
    expect(await web.database.db.user.count({ where: { email: 'cross@example.com' } })).toBe(0);

    // A browser that hides Origin still says where the request came from.
    const hidden = await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { json: body, origin: null, headers: { 'sec-fetch-site': 'cross-site' } });
    expect(hidden.status).toBe(403);
    // Auth.js's own routes sit behind the same check (sign-out by a cross-site form).
    const signOut = await (await signedIn(users.fan, 'USER')).call(nextauth.POST, 'POST', '/api/auth/signout', { params: { nextauth: ['signout'] }, form: {}, origin: 'https://evil.example' });
    expect(signOut.status).toBe(403);

    const same = await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { json: body, origin: WEB_ORIGIN });
    expect(same.status).toBe(201);
  });

  describe('request bodies', () => {
    const signUpBody = { email: 'body@example.com', password: 'a-long-enough-password-1', name: 'Body' };
    const refusal = async (response: Response) => ({ status: response.status, error: ((await response.json()) as { error: Record<string, unknown> }).error, requestId: response.headers.get('x-request-id') });

    it('answers a malformed JSON body with 400 bad_request naming the body, on a local route and on a forwarding one', async () => {
      const local = await refusal(await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { raw: '{"email": "a@b.c",', headers: { 'content-type': 'application/json', 'x-request-id': 'req-bad-json', 'accept-language': 'en' } }));
      expect(local).toEqual({ status: 400, error: { code: 'bad_request', reason: 'invalid_json', message: 'The request body is not valid JSON.', field: 'body', requestId: 'req-bad-json' }, requestId: 'req-bad-json' });

      // Before, the admin catalog forwarded a broken body as {} and the worker API judged its fields.
      const admin = await signedIn(users.admin, 'ADMIN');
      const forwarded = await refusal(await admin.call(adminCatalog.POST, 'POST', '/api/admin/catalog/venues', { params: { path: ['venues'] }, raw: 'name=Hall', headers: { 'content-type': 'application/json' } }));
      expect(forwarded.status).toBe(400);
      expect(forwarded.error).toMatchObject({ code: 'bad_request', field: 'body' });
      expect(forwarded.error.requestId).toBe(forwarded.requestId);
    });

    it('answers a body sent as another media type with 415', async () => {
      const response = await refusal(await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { raw: JSON.stringify(signUpBody), headers: { 'content-type': 'text/plain;charset=UTF-8' } }));
      expect(response.status).toBe(415);
      expect(response.error).toMatchObject({ code: 'unsupported_media_type', field: 'body', contentType: 'text/plain;charset=UTF-8' });
      expect(response.error.requestId).toBe(response.requestId);
      expect(await web.database.db.user.count({ where: { email: signUpBody.email } })).toBe(0);
    });

    it('answers a body past the limit with 413, whether or not it declares its length', async () => {
      const big = JSON.stringify({ ...signUpBody, name: 'x'.repeat(1024 * 1024) });
      const declared = await refusal(await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { raw: big, headers: { 'content-type': 'application/json', 'content-length': String(big.length) } }));
      expect(declared.status).toBe(413);
      expect(declared.error).toMatchObject({ code: 'payload_too_large', field: 'body', maxBytes: 1024 * 1024 });
      expect(declared.error.requestId).toBe(declared.requestId);
      const streamed = await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { raw: big, headers: { 'content-type': 'application/json' } });
      expect(streamed.status).toBe(413);
    });

    it('answers a second sign-up with the same email 409 naming the field (the unique index decides)', async () => {
      const first = await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { json: { ...signUpBody, email: 'twice@example.com' } });
      expect(first.status).toBe(201);
      const second = await refusal(await new Browser().call(signUp.POST, 'POST', '/api/auth/sign-up', { json: { ...signUpBody, email: 'twice@example.com' } }));
      expect(second.status).toBe(409);
      expect(second.error).toMatchObject({ code: 'conflict', field: 'email' });
    });
  });

  it('refuses a seat API without an entry token at the edge in the shared error body, with the request id', async () => {
    const performanceId = '0192d7a0-0000-7000-8000-000000000001';
    const { NextRequest } = await import('next/server');
    const response = await proxy(new NextRequest(new URL(`/api/performances/${performanceId}/holds`, WEB_ORIGIN), { headers: { 'x-request-id': 'req-edge-1', 'accept-language': 'en' } }));
    expect(response.status).toBe(403);
    expect(response.headers.get('x-request-id')).toBe('req-edge-1');
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'Join the waiting room for this performance first.', reason: 'entry_token_missing', requestId: 'req-edge-1' },
    });
  });
});
