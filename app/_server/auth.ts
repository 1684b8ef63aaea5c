// Auth.js (next-auth v5): email + password, plus Kakao, Naver and Google when their id and
// secret are configured. Sessions are JWTs in an encrypted, HttpOnly, SameSite=Lax cookie
// (Secure over https) carrying the user id and role; the gateway decodes the same cookie.
// The config is built on first use, not at import, so `next build` needs no secrets.
import 'server-only';
import { PrismaAdapter } from '@auth/prisma-adapter';
import type { Adapter, AdapterUser } from 'next-auth/adapters';
import type { NextRequest } from 'next/server';
import NextAuth, { CredentialsSignin, type NextAuthConfig } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { verifyBotToken } from '../../lib/bot-check/verify-bot-token';
import { mayLinkByEmail } from '../../lib/auth/may-link-by-email';
import { verifyCredentials } from '../../lib/auth/verify-credentials';
import { defaultLocale, type Locale } from '../../lib/i18n/locales';
import { AppError } from '../../lib/errors/app-error';
import { z } from 'zod';
import { getUserStanding } from '../../lib/auth/get-user-standing';
import { db, redis } from './clients';
import { botCheckConfig, enabledOAuthProviders, webConfig } from './config';
import { requestLocale } from './localize-error-response';
import { oauthProvider } from './oauth-providers';
import { parseRole, type Role } from '../../lib/auth/roles';

declare module 'next-auth' {
  interface User {
    role?: Role;
  }
  interface Session {
    user: { id: string; role: Role; name?: string | null; email?: string | null; image?: string | null };
  }
}

/** The code reaches the sign-in page as `?code=`; it never says which of email or password was wrong. */
class InvalidCredentials extends CredentialsSignin {
  code = 'invalid_credentials';
}
class BotCheckFailed extends CredentialsSignin {
  code = 'bot_check_failed';
}
/** Said only after the right password: the suspension of an account is nobody else's business. */
class AccountSuspended extends CredentialsSignin {
  code = 'account_suspended';
}

/** A week: long enough not to annoy a fan between ticket opens, short enough to age out a leaked cookie. */
const SESSION_MAX_AGE_S = 7 * 24 * 60 * 60;

/**
 * The adapter makes the accounts of social sign-ins. Such an account's address came from the
 * provider, which verified it (map-oauth-profile.ts passes no other), so it counts as confirmed;
 * and the account speaks the language the fan was browsing in.
 */
function socialSignInAdapter(locale: Locale): Adapter {
  const base = PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]);
  return {
    ...base,
    createUser: (user) => base.createUser!({ ...user, emailVerified: user.email ? new Date() : null, locale } as AdapterUser),
  };
}

function buildAuthConfig(request: NextRequest | undefined): NextAuthConfig {
  const config = webConfig();
  return {
    secret: config.AUTH_SECRET,
    trustHost: true,
    // The OAuth sign-ins store users and linked accounts through the adapter; sessions stay JWTs.
    adapter: socialSignInAdapter(request ? requestLocale(request) : defaultLocale),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    ...(config.PUBLIC_ORIGIN?.startsWith('https:') ? { useSecureCookies: true } : {}),
    pages: { signIn: '/sign-in', error: '/sign-in' },
    // A wrong password is an answer, not an error: keep it out of the error log (Auth.js would
    // print a stack per attempt, ~20 lines a try during a credential-stuffing burst).
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin || error.name === 'CredentialsSignin') return;
        console.error(JSON.stringify({ level: 'error', service: 'web', msg: 'auth error', err: `${error.name}: ${error.message}` }));
      },
      warn(code) {
        console.warn(JSON.stringify({ level: 'warn', service: 'web', msg: 'auth warning', code }));
      },
    },
    providers: [
      Credentials({
        credentials: { email: { type: 'email' }, password: { type: 'password' }, recaptchaToken: { type: 'text' } },
        async authorize(credentials) {
          const botCheck = botCheckConfig(config);
          if (botCheck) {
            try {
              await verifyBotToken(botCheck, { token: String(credentials.recaptchaToken ?? ''), action: 'sign_in' });
            } catch (error) {
              if (error instanceof AppError) throw new BotCheckFailed();
              throw error;
            }
          }
          const user = await verifyCredentials(db(), { email: String(credentials.email ?? ''), password: String(credentials.password ?? '') });
          if (!user) throw new InvalidCredentials();
          if (user.suspended) throw new AccountSuspended();
          return { id: user.id, email: user.email, name: user.name, role: user.role };
        },
      }),
      ...enabledOAuthProviders(config).map(oauthProvider),
    ],
    callbacks: {
      // A suspended user's sign-in is refused on every path (the credentials path refuses in
      // authorize too). `user` is the stored user (a uuid id) when the provider account is already
      // linked; a first sign-in carries the provider's id and has no standing yet.
      async signIn({ user, account }) {
        if (user.id && z.uuid().safeParse(user.id).success) {
          const standing = await getUserStanding({ db: db(), redis: redis() }, user.id);
          if (standing?.suspended) return false;
        }
        if (account?.type !== 'oauth' && account?.type !== 'oidc') return true;
        const allowed = await mayLinkByEmail(db(), { provider: account.provider, providerAccountId: account.providerAccountId, email: user.email });
        return allowed || '/sign-in?error=email_unverified';
      },
      jwt({ token, user }) {
        // `user` is present only on sign-in: copy what the gateway needs into the token.
        if (user?.id) {
          token.sub = user.id;
          token.role = parseRole(user.role);
          token.name = user.name ?? null;
          token.email = user.email ?? null;
        }
        return token;
      },
      session({ session, token }) {
        session.user.id = token.sub ?? '';
        session.user.role = parseRole(token.role);
        return session;
      },
    },
  };
}

// Built per request: a social sign-up takes that request's language.
export const { handlers, auth, signIn, signOut } = NextAuth((request) => buildAuthConfig(request));
