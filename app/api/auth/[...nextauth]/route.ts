// GET|POST /api/auth/* — Auth.js (sign-in, callbacks, sign-out, session), behind the gateway's
// origin check and rate limit. POSTs (credential sign-in, sign-out) count as AUTH (20/min);
// the GETs a sign-in page makes (csrf, providers, session) count as GENERAL, so that one
// sign-in costs one AUTH request and a guesser gets 20 tries a minute, not 5.
import { NextRequest } from 'next/server';
import { handlers } from '../../../_server/auth';
import { gateway, publicRequestUrl } from '../../../_server/gateway';

type Params = { nextauth: string[] };

// `next start` addresses nextUrl to its bind address (http://localhost:3000 for a browser on
// 127.0.0.1:3000); Auth.js builds callback and redirect URLs from it, so give it the real one.
const asPublic = (request: NextRequest) => new NextRequest(publicRequestUrl(request), request);

export const GET = gateway<Params>({ access: 'public', rateLimit: 'GENERAL' }, ({ request }) => handlers.GET(asPublic(request)));
export const POST = gateway<Params>({ access: 'public', rateLimit: 'AUTH' }, ({ request }) => handlers.POST(asPublic(request)));
