// An entry token signed with the development key the repository once carried as a fallback
// (`dev1:openseat-dev-entry-token-key-change-me-in-prod`) is a token anyone can mint. Each of the
// three checks — the edge (proxy.ts), the gateway's entry-token link and the worker API's guard —
// refuses it with 403 in the shared error body, whichever key id it claims.
import { encode } from 'next-auth/jwt';
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntryTokenKeys } from '../../lib/entry-token/entry-token-keys';
import { signEntryToken } from '../../lib/entry-token/sign-entry-token';
import { Browser, startTestWeb, WEB_ORIGIN, type TestWeb } from '../../test/support/test-web';
import { TEST_SECRETS } from '../../test/support/test-secrets';
import { internalHeaders } from '../../test/support/worker-context';

const OLD_DEVELOPMENT_SECRET = 'openseat-dev-entry-token-key-change-me-in-prod';

let web: TestWeb;
let proxy: typeof import('../../proxy').proxy;
let holds: typeof import('../api/performances/[performanceId]/holds/route');
let NextRequestClass: typeof NextRequest;
let fan: { id: string };

beforeAll(async () => {
  web = await startTestWeb();
  ({ proxy } = await import('../../proxy'));
  holds = await import('../api/performances/[performanceId]/holds/route');
  ({ NextRequest: NextRequestClass } = await import('next/server'));
  fan = await web.database.db.user.create({ data: { email: 'fan@example.com', name: 'Fan', role: 'USER' } });
});
afterAll(async () => {
  await web.stop();
});

/** A token bound to the right user and performance and not expired: only its key is wrong. */
function tokenSignedWith(spec: string, performanceId: string) {
  return signEntryToken(parseEntryTokenKeys(spec), { userId: fan.id, performanceId, admittedUntilMs: Date.now() + 600_000 });
}

const forgeries = [
  ['the old key id', `dev1:${OLD_DEVELOPMENT_SECRET}`],
  ["the deployment's key id", `s1:${OLD_DEVELOPMENT_SECRET}`],
] as const;

async function atEdge(performanceId: string, token: string) {
  return proxy(new NextRequestClass(new URL(`/api/performances/${performanceId}/holds`, WEB_ORIGIN), { headers: { 'x-entry-token': token, 'x-request-id': 'req-edge' } }));
}

async function atGateway(performanceId: string, token: string) {
  const browser = new Browser();
  browser.cookies.set('authjs.session-token', await encode({ token: { sub: fan.id, role: 'USER', name: 'Fan', email: 'fan@example.com' }, secret: web.authSecret, salt: 'authjs.session-token' }));
  return browser.call(holds.POST, 'POST', `/api/performances/${performanceId}/holds`, { params: { performanceId }, json: { seats: [0] }, headers: { 'x-entry-token': token, 'x-request-id': 'req-gateway' } });
}

async function atWorkerApi(performanceId: string, token: string) {
  return fetch(`${process.env.WORKER_API_URL}/v1/performances/${performanceId}/holds`, {
    method: 'POST',
    headers: internalHeaders({ 'x-user-id': fan.id, 'x-user-role': 'USER', 'x-entry-token': token, 'x-request-id': 'req-worker', 'content-type': 'application/json' }),
    body: JSON.stringify({ seats: [0] }),
  });
}

describe('an entry token signed with the old development key', () => {
  for (const [claiming, spec] of forgeries) {
    it(`is refused with 403 and the JSON error shape at the edge, the gateway and the worker API (claiming ${claiming})`, async () => {
      const performanceId = randomUUID();
      const forged = await tokenSignedWith(spec, performanceId);
      for (const [where, call, requestId] of [
        ['edge', atEdge, 'req-edge'],
        ['gateway', atGateway, 'req-gateway'],
        ['worker API', atWorkerApi, 'req-worker'],
      ] as const) {
        const response = await call(performanceId, forged);
        expect(response.status, where).toBe(403);
        // The gateway adds where the waiting room is and speaks the caller's language; code, reason and request id are the same at all three.
        expect(await response.json(), where).toMatchObject({
          error: { code: 'forbidden', message: expect.stringMatching(/\S/), reason: 'entry_token_bad_signature', requestId },
        });
      }
    });
  }

  it('differs from a token signed with the configured key only in its key: that one passes all three checks', async () => {
    const performanceId = randomUUID();
    const genuine = await tokenSignedWith(`s1:${TEST_SECRETS.ENTRY_TOKEN_SECRET}`, performanceId);
    expect((await atEdge(performanceId, genuine)).headers.get('x-middleware-next')).toBe('1');
    // Past every entry-token check, the hold itself finds no such performance.
    for (const [where, call] of [['gateway', atGateway], ['worker API', atWorkerApi]] as const) {
      const response = await call(performanceId, genuine);
      expect(response.status, where).not.toBe(403);
      expect(JSON.stringify(await response.json()), where).not.toContain('entry_token_');
    }
  });
});
