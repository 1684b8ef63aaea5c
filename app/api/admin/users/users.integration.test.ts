// The admin users list, role changes and suspensions through the gateway and the worker API,
// against this file's own database and the shared Redis: what the admin changes holds on the
// user's very next request, with the session cookie they already have.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, signedInBrowser, startTestWeb, type TestWeb } from '../../../../test/support/test-web';

let web: TestWeb;
let usersRoute: typeof import('./route');
let roleRoute: typeof import('./[id]/role/route');
let suspensionRoute: typeof import('./[id]/suspension/route');
let auditRoute: typeof import('../audit-log/route');
let myReservations: typeof import('../../reservations/route');
let nextauth: typeof import('../../auth/[...nextauth]/route');
let admin: { id: string };
let people: { id: string; email: string }[];

beforeAll(async () => {
  web = await startTestWeb();
  usersRoute = await import('./route');
  roleRoute = await import('./[id]/role/route');
  suspensionRoute = await import('./[id]/suspension/route');
  auditRoute = await import('../audit-log/route');
  myReservations = await import('../../reservations/route');
  nextauth = await import('../../auth/[...nextauth]/route');
  const { hashPassword } = await import('../../../../lib/auth/hash-password');
  const db = web.database.db;
  admin = await db.user.create({ data: { email: 'boss@openseat.test', name: 'Boss', role: 'ADMIN' } });
  // 23 fans, created a millisecond apart so "newest first" has one answer; 3 of them are STAFF.
  const passwordHash = await hashPassword('fan password 1');
  people = [];
  for (let i = 0; i < 23; i++) {
    const name = i % 2 === 0 ? `김민지 ${i}` : `Park Jisoo ${i}`;
    const email = `fan${String(i).padStart(2, '0')}@example.com`;
    const user = await db.user.create({ data: { email, name, passwordHash, role: i < 3 ? 'STAFF' : 'USER', createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, i)) } });
    people.push({ id: user.id, email });
  }
});
afterAll(async () => {
  await web.stop();
});

type UserRow = { id: string; email: string; name: string; role: string; suspendedAt: string | null };
type Page = { rows: UserRow[]; total: number; page: number; pageSize: number };

async function list(browser: Browser, query: string): Promise<Page> {
  const response = await browser.call(usersRoute.GET, 'GET', `/api/admin/users?${query}`);
  expect(response.status).toBe(200);
  return (await response.json()) as Page;
}
const changeRole = (browser: Browser, id: string, role: string) => browser.call(roleRoute.PUT, 'PUT', `/api/admin/users/${id}/role`, { params: { id }, json: { role } });
const suspend = (browser: Browser, id: string, body: unknown) => browser.call(suspensionRoute.PUT, 'PUT', `/api/admin/users/${id}/suspension`, { params: { id }, json: body });

async function signIn(email: string, password: string) {
  const browser = new Browser();
  const segments = (path: string) => ({ nextauth: path.split('/').slice(3) });
  const { csrfToken } = (await (await browser.call(nextauth.GET, 'GET', '/api/auth/csrf', { params: segments('/api/auth/csrf') })).json()) as { csrfToken: string };
  const response = await browser.call(nextauth.POST, 'POST', '/api/auth/callback/credentials', {
    params: segments('/api/auth/callback/credentials'),
    form: { email, password, csrfToken, callbackUrl: '/' },
    headers: { 'x-auth-return-redirect': '1' },
  });
  return { url: new URL(((await response.json()) as { url: string }).url), signedIn: browser.cookies.has('authjs.session-token') };
}

describe('the admin users list', () => {
  it('searches email and name case-insensitively, filters by role and state, and pages newest first without repeats', async () => {
    const boss = await signedInBrowser(web, admin, 'ADMIN');
    expect((await list(boss, 'q=FAN0')).rows.map((u) => u.email).sort()).toEqual(people.slice(0, 10).map((p) => p.email).sort());
    expect((await list(boss, 'q=park jisoo')).total).toBe(11);
    expect((await list(boss, `q=${encodeURIComponent('김민지')}`)).total).toBe(12);
    expect((await list(boss, 'role=STAFF')).rows.map((u) => u.email)).toEqual(people.slice(0, 3).map((p) => p.email).reverse());
    expect((await list(boss, 'role=ADMIN')).rows.map((u) => u.id)).toEqual([admin.id]);

    const pages = [await list(boss, 'q=fan&pageSize=10&page=1'), await list(boss, 'q=fan&pageSize=10&page=2'), await list(boss, 'q=fan&pageSize=10&page=3')];
    expect(pages.map((p) => p.rows.length)).toEqual([10, 10, 3]);
    expect(pages.every((p) => p.total === 23)).toBe(true);
    expect(pages.flatMap((p) => p.rows.map((u) => u.email))).toEqual(people.map((p) => p.email).reverse());

    const bad = await boss.call(usersRoute.GET, 'GET', '/api/admin/users?role=OWNER');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'validation_failed', field: 'role' } });
  });
});

describe('role changes', () => {
  it('takes effect on the next request with the cookie the user already holds, and is audited with the request id', async () => {
    const boss = await signedInBrowser(web, admin, 'ADMIN');
    const fan = people[10]!;
    // The fan's cookie was minted while they were a USER and keeps saying so.
    const fanBrowser = await signedInBrowser(web, fan, 'USER');
    const fanAsksForUsers = async () => (await fanBrowser.call(usersRoute.GET, 'GET', '/api/admin/users')).status;
    expect(await fanAsksForUsers()).toBe(403);

    const promoted = await changeRole(boss, fan.id, 'ADMIN');
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toEqual({ user: { id: fan.id, role: 'ADMIN', suspended: false } });
    expect(await fanAsksForUsers()).toBe(200);

    const demoted = await changeRole(boss, fan.id, 'STAFF');
    expect(demoted.status).toBe(200);
    expect(await fanAsksForUsers()).toBe(403);
    expect((await web.database.db.user.findUniqueOrThrow({ where: { id: fan.id } })).role).toBe('STAFF');

    const audit = await web.database.db.adminAuditLog.findMany({ where: { entityType: 'user', entityId: fan.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actorId, a.action, a.before, a.after, a.requestId])).toEqual([
      [admin.id, 'user.change_role', { role: 'USER' }, { role: 'ADMIN' }, promoted.headers.get('x-request-id')],
      [admin.id, 'user.change_role', { role: 'ADMIN' }, { role: 'STAFF' }, demoted.headers.get('x-request-id')],
    ]);
    // Setting the role it already has changes nothing and audits nothing.
    expect((await changeRole(boss, fan.id, 'STAFF')).status).toBe(200);
    expect(await web.database.db.adminAuditLog.count({ where: { entityId: fan.id } })).toBe(2);
  });

  it('refuses an unknown role naming the field, an unknown user with 404, and an admin changing their own role', async () => {
    const boss = await signedInBrowser(web, admin, 'ADMIN');
    const unknownRole = await changeRole(boss, people[11]!.id, 'OWNER');
    expect(unknownRole.status).toBe(400);
    expect(await unknownRole.json()).toMatchObject({ error: { field: 'role' } });
    expect((await changeRole(boss, '0190d8e4-0000-7000-8000-000000000000', 'USER')).status).toBe(404);
    expect((await changeRole(boss, 'not-a-uuid', 'USER')).status).toBe(404);

    const self = await changeRole(boss, admin.id, 'USER');
    expect(self.status).toBe(403);
    expect(await self.json()).toMatchObject({ error: { code: 'forbidden', reason: 'own_account' } });
    expect((await web.database.db.user.findUniqueOrThrow({ where: { id: admin.id } })).role).toBe('ADMIN');
    expect(await web.database.db.adminAuditLog.count({ where: { entityId: admin.id } })).toBe(0);
  });
});

describe('suspension', () => {
  it('refuses a suspended user at sign-in and on the sessions they still hold, until it is lifted; audited with the reason', async () => {
    const boss = await signedInBrowser(web, admin, 'ADMIN');
    const fan = people[12]!;
    const before = await signIn(fan.email, 'fan password 1');
    expect(before.signedIn).toBe(true);
    const session = await signedInBrowser(web, fan, 'USER');
    expect((await session.call(myReservations.GET, 'GET', '/api/reservations')).status).toBe(200);

    const suspended = await suspend(boss, fan.id, { suspended: true, reason: 'Resold tickets at 5x face value' });
    expect(suspended.status).toBe(200);
    expect(await suspended.json()).toMatchObject({ user: { id: fan.id, suspended: true } });

    // The session they already hold: refused, saying why.
    const refused = await session.call(myReservations.GET, 'GET', '/api/reservations', { headers: { 'accept-language': 'en' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'forbidden', reason: 'account_suspended' } });
    // A new sign-in, with the right password: refused, and no session cookie.
    const attempt = await signIn(fan.email, 'fan password 1');
    expect(attempt.url.searchParams.get('code')).toBe('account_suspended');
    expect(attempt.signedIn).toBe(false);
    // A wrong password still says only that the credentials are wrong.
    expect((await signIn(fan.email, 'wrong password 1')).url.searchParams.get('code')).toBe('invalid_credentials');
    // The list shows it, and the state filter finds it.
    expect((await list(boss, 'state=suspended')).rows.map((u) => u.id)).toEqual([fan.id]);
    expect((await list(boss, 'state=active')).total).toBe(people.length);

    const lifted = await suspend(boss, fan.id, { suspended: false });
    expect(lifted.status).toBe(200);
    expect((await session.call(myReservations.GET, 'GET', '/api/reservations')).status).toBe(200);
    expect((await signIn(fan.email, 'fan password 1')).signedIn).toBe(true);

    const audit = await web.database.db.adminAuditLog.findMany({ where: { entityType: 'user', entityId: fan.id }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.actorId, a.action])).toEqual([
      [admin.id, 'user.suspend'],
      [admin.id, 'user.unsuspend'],
    ]);
    expect(audit[0]!.after).toMatchObject({ reason: 'Resold tickets at 5x face value' });
    expect(audit[1]!.after).toEqual({ suspendedAt: null });
  });

  it('holds when Redis has lost the cached standing: PostgreSQL decides', async () => {
    const boss = await signedInBrowser(web, admin, 'ADMIN');
    const fan = people[13]!;
    const session = await signedInBrowser(web, fan, 'USER');
    expect((await session.call(myReservations.GET, 'GET', '/api/reservations')).status).toBe(200);
    expect((await suspend(boss, fan.id, { suspended: true })).status).toBe(200);
    const { userStandingKey } = await import('../../../../lib/auth/user-standing');
    const { redis } = await import('../../../_server/clients');
    await redis().del(userStandingKey(fan.id));
    expect((await session.call(myReservations.GET, 'GET', '/api/reservations')).status).toBe(403);
  });

  it('refuses an admin suspending themselves', async () => {
    const boss = await signedInBrowser(web, admin, 'ADMIN');
    const self = await suspend(boss, admin.id, { suspended: true });
    expect(self.status).toBe(403);
    expect(await self.json()).toMatchObject({ error: { reason: 'own_account' } });
    expect((await web.database.db.user.findUniqueOrThrow({ where: { id: admin.id } })).suspendedAt).toBeNull();
  });
});

describe('the audit log', () => {
  it('finds the changes by actor and by object, newest first, a page at a time by keyset', async () => {
    const boss = await signedInBrowser(web, admin, 'ADMIN');
    const target = people[14]!;
    for (const role of ['STAFF', 'USER', 'STAFF', 'USER', 'ADMIN']) expect((await changeRole(boss, target.id, role)).status).toBe(200);
    type Log = { entries: { id: string; action: string; actorEmail: string; entityId: string; after: { role?: string } }[]; nextBefore: string | null; entityTypes: string[] };
    const read = async (query: string) => (await (await boss.call(auditRoute.GET, 'GET', `/api/admin/audit-log?${query}`)).json()) as Log;

    const byObject = await read(`entityType=user&entityId=${target.id}`);
    expect(byObject.entries.map((e) => e.after.role)).toEqual(['ADMIN', 'USER', 'STAFF', 'USER', 'STAFF']);
    expect(byObject.entries.every((e) => e.actorEmail === 'boss@openseat.test')).toBe(true);
    expect(byObject.entityTypes).toContain('user');

    const first = await read(`entityId=${target.id}&pageSize=2`);
    const second = await read(`entityId=${target.id}&pageSize=2&before=${first.nextBefore}`);
    const third = await read(`entityId=${target.id}&pageSize=2&before=${second.nextBefore}`);
    expect([first, second, third].flatMap((p) => p.entries.map((e) => e.id))).toEqual(byObject.entries.map((e) => e.id));
    expect(third.nextBefore).toBeNull();

    const byActor = await read('actor=BOSS@openseat');
    expect(byActor.entries.length).toBeGreaterThanOrEqual(byObject.entries.length);
    expect(byActor.entries.every((e) => e.actorEmail === 'boss@openseat.test')).toBe(true);
    expect((await read('actor=nobody@openseat.test')).entries).toEqual([]);
    expect((await read(`actorId=${admin.id}&action=user.suspend`)).entries.map((e) => e.entityId)).toEqual([people[13]!.id, people[12]!.id]);
  });
});
