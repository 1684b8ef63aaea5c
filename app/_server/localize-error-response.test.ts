import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { localizeErrorResponse } from './localize-error-response';

const request = (headers: Record<string, string>) => new NextRequest('http://127.0.0.1/api/performances/x/holds', { headers });
const workerError = () =>
  Response.json({ error: { code: 'conflict', message: 'Some of these seats were just taken', reason: 'seats_taken', seats: [{ ordinal: 4 }], requestId: 'r1' } }, { status: 409, headers: { 'retry-after': '3' } });

describe('localizeErrorResponse', () => {
  it("rewrites a forwarded error's message in the caller's language, keeping status, headers, code and details", async () => {
    const response = await localizeErrorResponse(request({ 'accept-language': 'ko-KR,ko;q=0.9' }), workerError());
    expect(response.status).toBe(409);
    expect(response.headers.get('retry-after')).toBe('3');
    expect(await response.json()).toEqual({
      error: { code: 'conflict', message: '방금 다른 분이 선택한 좌석이 있습니다.', reason: 'seats_taken', seats: [{ ordinal: 4 }], requestId: 'r1' },
    });
  });

  it('follows the switcher cookie over Accept-Language', async () => {
    const response = await localizeErrorResponse(request({ 'accept-language': 'ko-KR', cookie: 'NEXT_LOCALE=en' }), workerError());
    expect((await response.json()).error.message).toBe('Some of these seats were just taken by someone else.');
  });

  it('passes successes and non-JSON errors through untouched', async () => {
    const ok = Response.json({ hold: null });
    expect(await localizeErrorResponse(request({}), ok)).toBe(ok);
    const text = new Response('upstream down', { status: 502, headers: { 'content-type': 'text/plain' } });
    expect(await localizeErrorResponse(request({}), text)).toBe(text);
  });
});
