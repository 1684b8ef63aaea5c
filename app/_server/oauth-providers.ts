// The Auth.js providers for Kakao, Naver and Google, with their endpoints taken from config so
// that the local stand-ins (stand-ins/oauth) can play the providers with the same paths.
import Google from 'next-auth/providers/google';
import Kakao from 'next-auth/providers/kakao';
import Naver from 'next-auth/providers/naver';
import { mapOAuthProfile } from '../../lib/auth/map-oauth-profile';
import type { OAuthProviderConfig } from './config';

/**
 * Email linking is on because both sides of a match are checked: mapOAuthProfile lets only
 * provider-verified addresses through (an unverified one never reaches the lookup), and the
 * signIn callback (lib/auth/may-link-by-email.ts) refuses to link to an account whose own
 * address was never confirmed through its mailed link.
 */
export function oauthProvider({ id, clientId, clientSecret, authUrl, apiUrl }: OAuthProviderConfig) {
  const common = { clientId, clientSecret, allowDangerousEmailAccountLinking: true };
  if (id === 'kakao') {
    return Kakao({
      ...common,
      authorization: `${authUrl}/oauth/authorize?scope`,
      token: `${authUrl}/oauth/token`,
      userinfo: `${apiUrl}/v2/user/me`,
      profile: (raw) => mapOAuthProfile('kakao', raw),
    });
  }
  if (id === 'naver') {
    return Naver({
      ...common,
      authorization: `${authUrl}/oauth2.0/authorize`,
      token: `${authUrl}/oauth2.0/token`,
      userinfo: `${apiUrl}/v1/nid/me`,
      profile: (raw) => mapOAuthProfile('naver', raw),
    });
  }
  return Google({ ...common, issuer: authUrl, profile: (raw) => mapOAuthProfile('google', raw) });
}
