// The gateway's entry-token link, kept apart from gateway.ts so that file's edit stays
// one call: the token comes from the x-entry-token header or the performance's cookie, and must
// be valid for the performance and the signed-in caller. Refusals are logged with their reason.
import 'server-only';
import type { NextRequest } from 'next/server';
import { assertEntryToken } from '../../lib/entry-token/assert-entry-token';
import { entryCookieName } from '../../lib/entry-token/entry-cookie-name';
import { resolveEntryTokenKeys } from '../../lib/entry-token/resolve-entry-token-keys';
import { AppError } from '../../lib/errors/app-error';
import { webConfig } from './config';

export async function requireEntryToken(request: NextRequest, caller: { id: string } | null, performanceId: string, requestId: string): Promise<string> {
  if (!caller) throw new AppError('unauthorized', 'Sign in first');
  const token = request.headers.get('x-entry-token') ?? request.cookies.get(entryCookieName(performanceId))?.value;
  return assertEntryToken(resolveEntryTokenKeys(webConfig()), token, {
    performanceId,
    userId: caller.id,
    nowMs: Date.now(),
    onReject: (reason) =>
      console.warn(JSON.stringify({ level: 'warn', requestId, msg: 'entry token refused', reason, performanceId, userId: caller.id })),
  });
}
