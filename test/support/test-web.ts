// The Next gateway in-process, for route-handler tests: points the web config at this file's
// database, the shared Redis and a worker API listening on a free loopback port, then lets a
// test call exported route handlers with NextRequest objects and a small cookie jar.
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { inject } from 'vitest';
import { buildApi } from '../../workers/api/build-api';
import { createTestDatabase, type TestDatabase } from './test-database';
import { TEST_SECRETS } from './test-secrets';
import { createTestWorkerContext } from './worker-context';

export const WEB_ORIGIN = 'http://localhost:3000';

export type TestWeb = { database: TestDatabase; authSecret: string; workerApiUrl: string; stop(): Promise<void> };

/** Call before importing any app/ module: the web config is parsed once per process. */
export async function startTestWeb(env: Record<string, string> = {}): Promise<TestWeb> {
  const database = await createTestDatabase();
  const ctx = createTestWorkerContext({ database, redisUrl: inject('redisUrl') });
  const api = buildApi(ctx);
  await api.listen({ port: 0, host: '127.0.0.1' });
  const { port } = api.server.address() as AddressInfo;
  const authSecret = randomBytes(32).toString('hex');
  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: inject('redisUrl'),
    WORKER_API_URL: `http://127.0.0.1:${port}`,
    INTERNAL_API_TOKEN: TEST_SECRETS.INTERNAL_API_TOKEN,
    ENTRY_TOKEN_SECRET: TEST_SECRETS.ENTRY_TOKEN_SECRET,
    TICKET_SIGNING_KEY: TEST_SECRETS.TICKET_SIGNING_KEY,
    AUTH_SECRET: authSecret,
    ...env,
  });
  return {
    database,
    authSecret,
    workerApiUrl: `http://127.0.0.1:${port}`,
    stop: async () => {
      await api.close();
      await ctx.redis.quit();
      await database.drop();
    },
  };
}

/** A random documentation-range IPv6 address, so each browser has rate-limit buckets of its own. */
export const randomIp = () => `2001:db8:${randomBytes(2).toString('hex')}:${randomBytes(2).toString('hex')}::1`;

type Handler<P> = (request: NextRequest, route: { params: Promise<P> }) => Promise<Response>;

export class Browser {
  readonly cookies = new Map<string, string>();
  constructor(readonly ip = randomIp()) {}

  async call<P>(handler: Handler<P>, method: string, path: string, options: { params?: P; json?: unknown; form?: Record<string, string>; raw?: string; headers?: Record<string, string>; origin?: string | null } = {}) {
    const headers = new Headers({ 'x-forwarded-for': this.ip, ...options.headers });
    // Browsers send Origin on every POST; `origin: null` plays a non-browser client.
    const origin = options.origin === undefined ? WEB_ORIGIN : options.origin;
    if (method !== 'GET' && origin !== null) headers.set('origin', origin);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    let body: string | undefined;
    if (options.json !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(options.json);
    } else if (options.form) {
      headers.set('content-type', 'application/x-www-form-urlencoded');
      body = new URLSearchParams(options.form).toString();
    } else if (options.raw !== undefined) {
      body = options.raw; // exactly these bytes, with whatever content-type `headers` names
    }
    const response = await handler(new NextRequest(new URL(path, WEB_ORIGIN), { method, headers, body }), {
      params: Promise.resolve(options.params ?? ({} as P)),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(';');
      const [name, ...rest] = pair!.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name!.trim());
      else this.cookies.set(name!.trim(), value);
    }
    return response;
  }
}

/**
 * A browser holding a session cookie minted with the server's secret, as Auth.js mints it at
 * sign-in. `role` is what the cookie claims; the gateway believes the database's role instead.
 */
export async function signedInBrowser(web: TestWeb, user: { id: string }, role: 'USER' | 'STAFF' | 'ADMIN' = 'USER'): Promise<Browser> {
  const { encode } = await import('next-auth/jwt');
  const browser = new Browser();
  browser.cookies.set('authjs.session-token', await encode({ token: { sub: user.id, role, name: 'Test', email: 'test@example.com' }, secret: web.authSecret, salt: 'authjs.session-token' }));
  return browser;
}
