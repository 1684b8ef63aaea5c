// The Next server's configuration, parsed once on first use (never at build time, when the
// runtime environment is not there yet). Nothing else under app/ reads process.env.
import 'server-only';
import { z } from 'zod';
import { commaList, parseEnv, postgresUrl, redisUrl, secret, smtpUrl, withoutEmpty } from '../../lib/config/parse-env';
import { requireSecrets, secretShape } from '../../lib/config/secret-env';

/** OAuth providers switch on as a group: both the id and the secret, or neither. */
export const OAUTH_PROVIDERS = ['kakao', 'naver', 'google'] as const;
export type OAuthProvider = (typeof OAUTH_PROVIDERS)[number];

export const WebEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    DATABASE_URL: postgresUrl,
    REDIS_URL: redisUrl,
    /** Where the worker fleet's API listens (the ALB in production). */
    WORKER_API_URL: z.url(),
    WORKER_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
    /**
     * The internet-facing ALB forwards only requests whose `x-openseat-origin` header carries one
     * of these values (infra/terraform/modules/alb). During a rotation it holds `new,old`: the
     * gateway sends the first. Unset where no ALB stands in front (npm start, compose).
     */
    ALB_ORIGIN_SECRET: commaList.pipe(z.array(secret).min(1)).optional(),
    /**
     * INTERNAL_API_TOKEN, AUTH_SECRET and the entry-token keys (the same values as the workers':
     * the gateway and proxy.ts sign and verify entry tokens and queue tickets with them).
     */
    ...secretShape('web'),
    /**
     * The origin browsers use (https://tickets.example.com). State-changing requests must come
     * from it or from the request's own origin; https here also forces Secure cookies.
     */
    PUBLIC_ORIGIN: z.url().transform((v) => new URL(v).origin).optional(),
    /** Proxies in front of Next (IPs, comma-separated) whose X-Forwarded-For entries are believed. */
    TRUSTED_PROXIES: commaList.default([]),

    KAKAO_CLIENT_ID: z.string().optional(),
    KAKAO_CLIENT_SECRET: z.string().optional(),
    NAVER_CLIENT_ID: z.string().optional(),
    NAVER_CLIENT_SECRET: z.string().optional(),
    GOOGLE_CLIENT_ID: z.string().optional(),
    GOOGLE_CLIENT_SECRET: z.string().optional(),
    /**
     * Where each provider's endpoints live: the real hosts by default; `npm start` and the tests
     * point them at the local stand-ins (stand-ins/oauth) with the same paths.
     */
    KAKAO_AUTH_URL: z.url().default('https://kauth.kakao.com'),
    KAKAO_API_URL: z.url().default('https://kapi.kakao.com'),
    NAVER_AUTH_URL: z.url().default('https://nid.naver.com'),
    NAVER_API_URL: z.url().default('https://openapi.naver.com'),
    /** Google is OpenID Connect: its endpoints come from the issuer's discovery document. */
    GOOGLE_ISSUER: z.url().default('https://accounts.google.com'),

    /** reCAPTCHA v3: unset → the bot check is off (the demo) and the start log says so. */
    RECAPTCHA_SECRET: z.string().optional(),
    /** The public key the browser needs to ask Google for a token; required with the secret. */
    RECAPTCHA_SITE_KEY: z.string().optional(),
    RECAPTCHA_VERIFY_URL: z.url().default('https://www.google.com/recaptcha/api/siteverify'),
    /** Scores run 0.0 (bot) … 1.0 (human); Google suggests 0.5 as the first threshold. */
    RECAPTCHA_MIN_SCORE: z.coerce.number().min(0).max(1).default(0.5),
    /**
     * Mail the web app sends itself (email-confirmation links): the same server as the workers'.
     * Unset → no confirmation mail goes out and addresses stay unconfirmed (the start log says so).
     */
    SMTP_URL: smtpUrl.optional(),
    MAIL_FROM: z.string().min(3).default('OpenSeat <no-reply@openseat.local>'),
    /** Set → the gateway's spans go over OTLP/HTTP to this collector; unset → no tracing. */
    OTEL_EXPORTER_OTLP_ENDPOINT: z.url().optional(),
  })
  .check(requireSecrets('web'))
  .superRefine((env, ctx) => {
    const pairs: Array<[string, string | undefined, string, string | undefined]> = [
      ['KAKAO_CLIENT_ID', env.KAKAO_CLIENT_ID, 'KAKAO_CLIENT_SECRET', env.KAKAO_CLIENT_SECRET],
      ['NAVER_CLIENT_ID', env.NAVER_CLIENT_ID, 'NAVER_CLIENT_SECRET', env.NAVER_CLIENT_SECRET],
      ['GOOGLE_CLIENT_ID', env.GOOGLE_CLIENT_ID, 'GOOGLE_CLIENT_SECRET', env.GOOGLE_CLIENT_SECRET],
      ['RECAPTCHA_SECRET', env.RECAPTCHA_SECRET, 'RECAPTCHA_SITE_KEY', env.RECAPTCHA_SITE_KEY],
    ];
    for (const [aName, a, bName, b] of pairs) {
      if (Boolean(a) !== Boolean(b)) {
        const missing = a ? bName : aName;
        ctx.addIssue({ code: 'custom', path: [missing], message: `is required when ${a ? aName : bName} is set` });
      }
    }
  });
export type WebConfig = z.infer<typeof WebEnv>;

export type BotCheckConfig = { secret: string; siteKey: string; verifyUrl: string; minScore: number } | null;

/** The reCAPTCHA settings, or null when the check is off. */
export function botCheckConfig(config: WebConfig = webConfig()): BotCheckConfig {
  if (!config.RECAPTCHA_SECRET || !config.RECAPTCHA_SITE_KEY) return null;
  return {
    secret: config.RECAPTCHA_SECRET,
    siteKey: config.RECAPTCHA_SITE_KEY,
    verifyUrl: config.RECAPTCHA_VERIFY_URL,
    minScore: config.RECAPTCHA_MIN_SCORE,
  };
}

export type OAuthProviderConfig = { id: OAuthProvider; clientId: string; clientSecret: string; authUrl: string; apiUrl: string };

/** The OAuth providers whose id and secret are both set, with their endpoint bases (no trailing slash). */
export function enabledOAuthProviders(config: WebConfig = webConfig()): OAuthProviderConfig[] {
  const trim = (url: string) => url.replace(/\/+$/, '');
  const settings = {
    kakao: [config.KAKAO_CLIENT_ID, config.KAKAO_CLIENT_SECRET, config.KAKAO_AUTH_URL, config.KAKAO_API_URL],
    naver: [config.NAVER_CLIENT_ID, config.NAVER_CLIENT_SECRET, config.NAVER_AUTH_URL, config.NAVER_API_URL],
    google: [config.GOOGLE_CLIENT_ID, config.GOOGLE_CLIENT_SECRET, config.GOOGLE_ISSUER, config.GOOGLE_ISSUER],
  } as const;
  return OAUTH_PROVIDERS.flatMap((id) => {
    const [clientId, clientSecret, authUrl, apiUrl] = settings[id];
    return clientId && clientSecret ? [{ id, clientId, clientSecret, authUrl: trim(authUrl), apiUrl: trim(apiUrl) }] : [];
  });
}

let config: WebConfig | undefined;
export function webConfig(): WebConfig {
  if (config) return config;
  config = parseEnv(WebEnv, withoutEmpty(process.env));
  logStartup(config);
  return config;
}

/**
 * One line per switched-off feature, printed once per process: instrumentation.ts parses the
 * config at boot, and the route bundles hold their own copy of this module, hence the global flag.
 */
function logStartup(parsed: WebConfig) {
  const flags = globalThis as unknown as { __openseatStartupLogged?: boolean };
  if (flags.__openseatStartupLogged) return;
  flags.__openseatStartupLogged = true;
  const oauth = enabledOAuthProviders(parsed).map((p) => p.id);
  const line = (msg: string, extra: Record<string, unknown> = {}) =>
    console.log(JSON.stringify({ level: 'info', service: 'web', msg, ...extra }));
  line(botCheckConfig(parsed) ? 'bot check on (reCAPTCHA v3)' : 'bot check off: RECAPTCHA_SECRET is not set', {
    ...(parsed.RECAPTCHA_SECRET ? { verifyUrl: parsed.RECAPTCHA_VERIFY_URL, minScore: parsed.RECAPTCHA_MIN_SCORE } : {}),
  });
  line('oauth providers', { enabled: oauth });
  if (!parsed.SMTP_URL) line('mail off: SMTP_URL is not set, so no email-confirmation links are sent');
}
