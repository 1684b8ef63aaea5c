// Local stand-ins for Kakao, Naver and Google sign-in: one loopback server per provider, with the
// provider's own paths and response shapes, so the real Auth.js flow runs with only the URLs
// changed. oauth2-mock-server does the OAuth work (codes, PKCE, signed tokens, JWKS, OIDC
// discovery); this file adds the sign-in page, where a person or a test picks who signs in, and
// reshapes tokens and user info the way each provider answers.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decodeJwt } from 'jose';
import { OAuth2Issuer, OAuth2Service, type MutableRedirectUri, type MutableResponse, type MutableToken } from 'oauth2-mock-server';

export type StandInProvider = 'kakao' | 'naver' | 'google';

/** Who signs in: an empty email means the user declines to share one. */
export type StandInUser = { id: string; nickname: string; email: string; emailVerified: boolean };

const ENDPOINTS = {
  kakao: { authorize: '/oauth/authorize', token: '/oauth/token', userinfo: '/v2/user/me' },
  naver: { authorize: '/oauth2.0/authorize', token: '/oauth2.0/token', userinfo: '/v1/nid/me' },
  google: { authorize: '/o/oauth2/v2/auth', token: '/token', userinfo: '/v1/userinfo' },
} as const;

/** The sign-in page's fields travel as these query parameters back to the authorize endpoint. */
const FIELDS = { id: 'standin_id', nickname: 'standin_nickname', email: 'standin_email', emailVerified: 'standin_email_verified' } as const;

function userFromQuery(params: URLSearchParams): StandInUser | null {
  const id = params.get(FIELDS.id);
  if (!id) return null;
  return {
    id,
    nickname: params.get(FIELDS.nickname) ?? '',
    email: params.get(FIELDS.email) ?? '',
    emailVerified: params.get(FIELDS.emailVerified) === 'true',
  };
}

/** The user info body each provider sends for a user. */
function userInfoBody(provider: StandInProvider, user: StandInUser): Record<string, unknown> {
  if (provider === 'kakao') {
    const shared = user.email !== '';
    return {
      // Kakao ids are numbers on the wire.
      id: Number(user.id),
      connected_at: '2026-01-01T00:00:00Z',
      properties: { nickname: user.nickname },
      kakao_account: {
        profile_nickname_needs_agreement: false,
        profile: { nickname: user.nickname, is_default_image: true },
        has_email: shared,
        email_needs_agreement: !shared,
        ...(shared ? { is_email_valid: true, is_email_verified: user.emailVerified, email: user.email } : {}),
      },
    };
  }
  if (provider === 'naver') {
    return { resultcode: '00', message: 'success', response: { id: user.id, nickname: user.nickname, name: user.nickname, ...(user.email ? { email: user.email } : {}) } };
  }
  return { sub: user.id, name: user.nickname, ...(user.email ? { email: user.email, email_verified: user.emailVerified } : {}) };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function signInPage(provider: StandInProvider, url: URL): string {
  const hidden = [...url.searchParams].map(([k, v]) => `<input type="hidden" name="${escape(k)}" value="${escape(v)}">`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${provider} stand-in sign-in</title></head><body>
<main><h1>${provider} stand-in: who signs in?</h1>
<form method="get" action="${ENDPOINTS[provider].authorize}">${hidden}
<p><label>Provider user id <input name="${FIELDS.id}" required value="${Date.now()}"></label></p>
<p><label>Nickname <input name="${FIELDS.nickname}" value="Stand-in fan"></label></p>
<p><label>Email (empty: not shared) <input name="${FIELDS.email}" type="email"></label></p>
<p><label><input type="checkbox" name="${FIELDS.emailVerified}" value="true"> Email verified</label></p>
<button type="submit">Agree and continue</button></form></main></body></html>`;
}

export type OAuthStandIn = { provider: StandInProvider; url: string; clientId: string; clientSecret: string; stop: () => Promise<void> };

/** Starts one provider's stand-in on 127.0.0.1 (port 0: any free port). */
export async function startOAuthStandIn(provider: StandInProvider, port = 0): Promise<OAuthStandIn> {
  const issuer = new OAuth2Issuer();
  await issuer.keys.generate('RS256');
  const service = new OAuth2Service(issuer, ENDPOINTS[provider]);
  const userByCode = new Map<string, StandInUser>();

  service.on('beforeAuthorizeRedirect', (redirect: MutableRedirectUri, req: IncomingMessage) => {
    const user = userFromQuery(new URL(req.url ?? '/', 'http://x').searchParams);
    const code = redirect.url.searchParams.get('code');
    if (user && code) userByCode.set(code, user);
  });
  service.on('beforeTokenSigning', (token: MutableToken, req: IncomingMessage & { body?: Record<string, unknown> }) => {
    const user = userByCode.get(String(req.body?.code ?? ''));
    if (!user) return;
    // The access token carries the user, so the user info endpoint can answer for it.
    Object.assign(token.payload, { sub: user.id, standin_user: user }, provider === 'google' ? userInfoBody('google', user) : {});
  });
  service.on('beforeResponse', (response: MutableResponse, req: IncomingMessage & { body?: Record<string, unknown> }) => {
    userByCode.delete(String(req.body?.code ?? ''));
    if (provider === 'google' || typeof response.body !== 'object') return;
    // Kakao and Naver speak plain OAuth 2.0 here: no ID token; Naver sends expires_in as a string.
    const { id_token: _idToken, ...body } = response.body;
    response.body = { ...body, token_type: 'bearer', ...(provider === 'naver' ? { expires_in: String(body.expires_in) } : {}) };
  });
  service.on('beforeUserinfo', (response: MutableResponse, req: IncomingMessage) => {
    const bearer = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const user = bearer ? (decodeJwt(bearer).standin_user as StandInUser | undefined) : undefined;
    if (!user) {
      response.statusCode = 401;
      response.body = provider === 'naver' ? { resultcode: '024', message: 'Authentication failed' } : { msg: 'this access token does not exist', code: -401 };
      return;
    }
    response.body = userInfoBody(provider, user);
  });

  const handler = service.requestHandler;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET' && url.pathname === ENDPOINTS[provider].authorize && !userFromQuery(url.searchParams)) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(signInPage(provider, url));
      return;
    }
    handler(req, res);
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  issuer.url = url;
  return {
    provider,
    url,
    clientId: `standin-${provider}-client`,
    clientSecret: `standin-${provider}-secret`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The web process's settings that point one provider at its stand-in. */
export function standInEnv(s: OAuthStandIn): Record<string, string> {
  const p = s.provider.toUpperCase();
  const urls = s.provider === 'google' ? { GOOGLE_ISSUER: s.url } : { [`${p}_AUTH_URL`]: s.url, [`${p}_API_URL`]: s.url };
  return { [`${p}_CLIENT_ID`]: s.clientId, [`${p}_CLIENT_SECRET`]: s.clientSecret, ...urls };
}
