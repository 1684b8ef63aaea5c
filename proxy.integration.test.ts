// The edge's refusal of a seat API call without an entry token speaks the caller's language,
// chosen as the gateway chooses it (switcher cookie, then Accept-Language, then Korean), and
// keeps the stable code and reason clients branch on.
import { randomUUID } from 'node:crypto';
import type { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogs } from './lib/i18n/get-translator';
import { startTestWeb, WEB_ORIGIN, type TestWeb } from './test/support/test-web';

let web: TestWeb;
let proxy: typeof import('./proxy').proxy;
let NextRequestClass: typeof NextRequest;

beforeAll(async () => {
  web = await startTestWeb();
  ({ proxy } = await import('./proxy'));
  ({ NextRequest: NextRequestClass } = await import('next/server'));
});
afterAll(async () => {
  await web.stop();
});

async function refusal(headers: Record<string, string>) {
  const response = await proxy(new NextRequestClass(new URL(`/api/performances/${randomUUID()}/holds`, WEB_ORIGIN), { method: 'POST', headers }));
  expect(response.status).toBe(403);
  return ((await response.json()) as { error: { code: string; reason: string; message: string } }).error;
}

describe('the edge refusing a call without an entry token', () => {
  it('answers in Korean by default, in English for an English browser, and as the switcher cookie says over both', async () => {
    const stable = { code: 'forbidden', reason: 'entry_token_missing' };
    expect(await refusal({})).toEqual(expect.objectContaining({ ...stable, message: catalogs.ko.errors.reasons.entry_token }));
    expect(await refusal({ 'accept-language': 'en-US,en;q=0.9' })).toEqual(expect.objectContaining({ ...stable, message: catalogs.en.errors.reasons.entry_token }));
    expect(await refusal({ 'accept-language': 'en-US', cookie: 'NEXT_LOCALE=ko' })).toEqual(expect.objectContaining({ ...stable, message: catalogs.ko.errors.reasons.entry_token }));
  });
});
