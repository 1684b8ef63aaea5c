// The worker API behind an internet-facing ALB whose listener forwards only requests carrying
// the origin header (infra/terraform/modules/alb): the gateway's forwards must carry it.
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, startTestWeb, type TestWeb } from '../../test/support/test-web';

const CURRENT = 'origin-secret-current-0123456789abcdef';
const PREVIOUS = 'origin-secret-previous-0123456789abcdef';
let web: TestWeb;
let alb: Server;
const seen: Array<string | undefined> = [];
let catalog: typeof import('../api/events/route');

beforeAll(async () => {
  let workerApiUrl = '';
  // The listener rule: a request with one of the accepted values goes to the target group,
  // anything else gets the ALB's fixed 403.
  alb = createServer((incoming, outgoing) => {
    const origin = incoming.headers['x-openseat-origin'];
    seen.push(typeof origin === 'string' ? origin : undefined);
    if (origin !== CURRENT && origin !== PREVIOUS) {
      outgoing.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
      return;
    }
    const target = new URL(incoming.url ?? '/', workerApiUrl);
    const upstream = httpRequest(target, { method: incoming.method, headers: incoming.headers }, (response) => {
      outgoing.writeHead(response.statusCode ?? 502, response.headers);
      response.pipe(outgoing);
    });
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => alb.listen(0, '127.0.0.1', resolve));
  const { port } = alb.address() as AddressInfo;
  web = await startTestWeb({ WORKER_API_URL: `http://127.0.0.1:${port}`, ALB_ORIGIN_SECRET: `${CURRENT},${PREVIOUS}` });
  workerApiUrl = web.workerApiUrl;
  catalog = await import('../api/events/route');
});
afterAll(async () => {
  await new Promise((resolve) => alb.close(resolve));
  await web.stop();
});

describe('gateway behind the ALB', () => {
  it('sends the first origin secret on every forward, so the ALB lets it through during a rotation', async () => {
    const response = await new Browser().call(catalog.GET, 'GET', '/api/events');
    expect(response.status).toBe(200);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set([CURRENT]));
  });
});
