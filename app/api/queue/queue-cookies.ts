// The waiting room's cookies: the queue ticket (signed at join; the caller's identity for status
// polls, verified without a database or session lookup) and the entry token (set on admission,
// read by proxy.ts and the gateway). Both HttpOnly, per performance.
import 'server-only';
import { NextResponse, type NextRequest } from 'next/server';
import { z } from 'zod';
import { entryCookieName, queueTicketCookieName } from '../../../lib/entry-token/entry-cookie-name';
import type { EntryTokenKeys } from '../../../lib/entry-token/entry-token-keys';
import { resolveEntryTokenKeys } from '../../../lib/entry-token/resolve-entry-token-keys';
import { AppError } from '../../../lib/errors/app-error';
import { QUEUE_TICKET_SECONDS } from '../../../lib/queue/sign-queue-ticket';
import { verifyQueueTicket } from '../../../lib/queue/verify-queue-ticket';
import { webConfig } from '../../_server/config';

export const QueueParams = z.object({ performanceId: z.uuid() });

export function entryTokenKeys(): EntryTokenKeys {
  return resolveEntryTokenKeys(webConfig());
}

// Secure when the site is served over https, the same rule as the session cookie: a Secure cookie
// set over plain http (the local demo at 127.0.0.1) is dropped by the browser, losing the place.
const secure = () => webConfig().PUBLIC_ORIGIN?.startsWith('https:') ?? false;

/** The caller as the signed queue ticket names them; null when there is none (or it is not valid). */
export async function readQueueTicket(request: NextRequest, performanceId: string, nowMs: number) {
  return verifyQueueTicket(entryTokenKeys(), request.cookies.get(queueTicketCookieName(performanceId))?.value, { performanceId, nowMs });
}

export async function requireQueueTicket(request: NextRequest, performanceId: string, nowMs: number) {
  const ticket = await readQueueTicket(request, performanceId, nowMs);
  if (!ticket) throw new AppError('unauthorized', 'Join the waiting room first');
  return ticket;
}

export function setQueueTicketCookie(response: NextResponse, performanceId: string, ticket: string) {
  response.cookies.set(queueTicketCookieName(performanceId), ticket, { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/', maxAge: QUEUE_TICKET_SECONDS });
}

export function setEntryCookie(response: NextResponse, performanceId: string, token: string, at: { admittedUntil: number; nowMs: number }) {
  const maxAge = Math.max(1, Math.floor((at.admittedUntil - at.nowMs) / 1000));
  response.cookies.set(entryCookieName(performanceId), token, { httpOnly: true, sameSite: 'lax', secure: secure(), path: '/', maxAge });
}

export function clearQueueCookies(response: NextResponse, performanceId: string) {
  response.cookies.delete(queueTicketCookieName(performanceId));
  response.cookies.delete(entryCookieName(performanceId));
}
