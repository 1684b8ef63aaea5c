// GET|POST /api/auth/* — Auth.js (sign-in, callbacks, sign-out, session), behind the gateway's
// origin check and rate limit. POSTs (credential sign-in, sign-out) count as AUTH (20/min);
// the GETs a sign-in page makes (csrf, providers, session) count as GENERAL, so that one
// sign-in costs one AUTH request and a guesser gets 20 tries a minute, not 5.
import type { NextRequest } from 'next/server';
import { handlers } from '../../../_server/auth';
import { gateway } from '../../../_server/gateway';

type Params = { nextauth: string[] };

export const GET = gateway<Params>({ access: 'public', rateLimit: 'GENERAL' }, ({ request }) => handlers.GET(request as NextRequest));
export const POST = gateway<Params>({ access: 'public', rateLimit: 'AUTH' }, ({ request }) => handlers.POST(request as NextRequest));
