// Every admin API refuses everyone but a current, unsuspended ADMIN: the gateway's routes are
// found by walking app/api/admin and the worker API's by listening to its route registrations,
// so a route added tomorrow is checked without touching this file.
import { randomUUID } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApi } from '../../../workers/api/build-api';
import { createTestWorkerContext, internalHeaders } from '../../../test/support/worker-context';
import { Browser, signedInBrowser, startTestWeb, type TestWeb } from '../../../test/support/test-web';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
const ADMIN_API_DIR = path.resolve(__dirname);

type Handler = Parameters<Browser['call']>[0];
type AdminRoute = { file: string; url: string; params: Record<string, string | string[]>; handlers: [string, Handler][] };

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : entry.name === 'route.ts' ? [path.join(dir, entry.name)] : [],
  );
}

/** A value for each path parameter: an id that exists nowhere, a known export kind, an empty catch-all. */
function concreteRoute(file: string): Pick<AdminRoute, 'url' | 'params'> {
  const segments = path.relative(path.resolve(__dirname, '../..'), path.dirname(file)).split(path.sep);
  const params: Record<string, string | string[]> = {};
  const url = segments
    .map((segment) => {
      const optionalCatchAll = /^\[\[\.\.\.(\w+)\]\]$/.exec(segment);
      if (optionalCatchAll) {
        params[optionalCatchAll[1]!] = [];
        return '';
      }
      const param = /^\[(\w+)\]$/.exec(segment);
      if (!param) return segment;
      const value = param[1] === 'kind' ? 'payments' : randomUUID();
      params[param[1]!] = value;
      return value;
    })
    .filter(Boolean)
    .join('/');
  return { url: `/${url}`, params };
}

let web: TestWeb;
let routes: AdminRoute[];
let users: { fan: { id: string }; staff: { id: string }; admin: { id: string }; suspendedAdmin: { id: string } };

beforeAll(async () => {
  web = await startTestWeb();
  routes = await Promise.all(
    routeFiles(ADMIN_API_DIR).map(async (file) => {
      const exported = (await import(file)) as Record<string, unknown>;
      const handlers = METHODS.filter((m) => typeof exported[m] === 'function').map((m) => [m, exported[m] as Handler] as [string, Handler]);
      return { file, ...concreteRoute(file), handlers };
    }),
  );
  const db = web.database.db;
  users = {
    fan: await db.user.create({ data: { email: 'fan@access.test', role: 'USER' } }),
    staff: await db.user.create({ data: { email: 'staff@access.test', role: 'STAFF' } }),
    admin: await db.user.create({ data: { email: 'admin@access.test', role: 'ADMIN' } }),
    suspendedAdmin: await db.user.create({ data: { email: 'suspended@access.test', role: 'ADMIN', suspendedAt: new Date() } }),
  };
});
afterAll(async () => {
  await web.stop();
});

describe('the admin API at the gateway', () => {
  it('finds every admin route file, each with at least one method', () => {
    const urls = routes.map((r) => r.url);
    for (const known of ['/api/admin/users', '/api/admin/audit-log', '/api/admin/outbox', '/api/admin/catalog', '/api/admin/waiting-room']) expect(urls).toContain(known);
    for (const route of routes) expect(route.handlers.length, route.file).toBeGreaterThan(0);
  });

  it('answers 401 signed out, and 403 to a USER, to STAFF, to a suspended ADMIN and to a USER whose cookie claims ADMIN, on every method of every route', async () => {
    const callers: [string, () => Promise<Browser>, number][] = [
      ['signed out', async () => new Browser(), 401],
      ['USER', () => signedInBrowser(web, users.fan, 'USER'), 403],
      ['STAFF', () => signedInBrowser(web, users.staff, 'STAFF'), 403],
      ['suspended ADMIN', () => signedInBrowser(web, users.suspendedAdmin, 'ADMIN'), 403],
      // The role in the cookie is the one it was minted with; the database's role decides.
      ['USER claiming ADMIN', () => signedInBrowser(web, users.fan, 'ADMIN'), 403],
    ];
    const refusals: string[] = [];
    for (const [who, browserOf, expected] of callers) {
      for (const route of routes) {
        for (const [method, handler] of route.handlers) {
          const response = await (await browserOf()).call(handler, method, route.url, { params: route.params, ...(method === 'GET' ? {} : { json: {} }) });
          const { error } = (await response.json()) as { error?: { code: string } };
          if (response.status !== expected || error?.code !== (expected === 401 ? 'unauthorized' : 'forbidden')) refusals.push(`${who} ${method} ${route.url}: ${response.status}`);
        }
      }
    }
    expect(refusals).toEqual([]);
  });

  it('lets a current ADMIN through the same routes (the refusals above are about the caller, not broken routes)', async () => {
    const admin = await signedInBrowser(web, users.admin, 'ADMIN');
    for (const route of routes.filter((r) => r.handlers.some(([m]) => m === 'GET') && !r.url.includes('exports'))) {
      const [, handler] = route.handlers.find(([m]) => m === 'GET')!;
      const response = await admin.call(handler, 'GET', route.url, { params: route.params });
      // A made-up id is a 404, a route that needs a query (a date range) names the field it
      // misses; anything but a refusal of the caller.
      expect([200, 400, 404], `${route.url}: ${response.status}`).toContain(response.status);
      if (response.status === 400) expect(await response.json(), route.url).toMatchObject({ error: { code: 'validation_failed', field: expect.any(String) } });
    }
  });
});

describe('the admin API at the worker fleet', () => {
  it('answers 401 without a user and 403 to USER and STAFF on every /v1/admin route, behind the gateway too', async () => {
    const ctx = createTestWorkerContext({ database: web.database, redisUrl: inject('redisUrl') });
    const app = buildApi(ctx);
    const adminRoutes: { method: string; url: string }[] = [];
    // The /v1 routes register when the app boots; hearing them here lists every one of them.
    app.addHook('onRoute', (route) => {
      if (!route.url.startsWith('/v1/admin')) return;
      for (const method of [route.method].flat()) if (method !== 'HEAD') adminRoutes.push({ method, url: route.url });
    });
    await app.ready();
    try {
      expect(adminRoutes.length).toBeGreaterThan(20);
      expect(adminRoutes).toContainEqual({ method: 'PUT', url: '/v1/admin/users/:id/role' });
      const refusals: string[] = [];
      for (const { method, url } of adminRoutes) {
        const concrete = url.replace(/:kind/, 'payments').replace(/:\w+/g, () => randomUUID());
        for (const [role, expected] of [[null, 401], ['USER', 403], ['STAFF', 403]] as const) {
          const headers = internalHeaders(role ? { 'x-user-id': users.fan.id, 'x-user-role': role } : {});
          const response = await app.inject({ method: method as 'GET', url: concrete, headers, ...(method === 'GET' ? {} : { payload: {} }) });
          if (response.statusCode !== expected) refusals.push(`${role ?? 'anonymous'} ${method} ${url}: ${response.statusCode}`);
        }
      }
      expect(refusals).toEqual([]);
    } finally {
      await app.close();
      await ctx.redis.quit();
    }
  });
});
