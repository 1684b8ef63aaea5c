import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../lib/config/parse-env';
import { botCheckConfig, enabledOAuthProviders, WebEnv } from './config';
import { TEST_SECRETS } from '../../test/support/test-secrets';

const base = {
  DATABASE_URL: 'postgres://u@h/db',
  REDIS_URL: 'redis://h:6379',
  WORKER_API_URL: 'http://127.0.0.1:4000',
  INTERNAL_API_TOKEN: 'i'.repeat(32),
  AUTH_SECRET: 'a'.repeat(32),
  ENTRY_TOKEN_SECRET: 'e'.repeat(32),
  TICKET_SIGNING_KEY: TEST_SECRETS.TICKET_SIGNING_KEY,
};

describe('web config', () => {
  it('switches an OAuth provider on only when both its id and secret are set', () => {
    const config = parseEnv(WebEnv, { ...base, KAKAO_CLIENT_ID: 'k', KAKAO_CLIENT_SECRET: 'ks', GOOGLE_CLIENT_ID: 'g', GOOGLE_CLIENT_SECRET: 'gs' });
    expect(enabledOAuthProviders(config).map((p) => p.id)).toEqual(['kakao', 'google']);
    expect(enabledOAuthProviders(parseEnv(WebEnv, base))).toEqual([]);
  });

  it('names the missing half of a provider or of the reCAPTCHA pair instead of silently leaving it off', () => {
    expect(() => parseEnv(WebEnv, { ...base, NAVER_CLIENT_ID: 'n' })).toThrow('NAVER_CLIENT_SECRET: is required when NAVER_CLIENT_ID is set');
    expect(() => parseEnv(WebEnv, { ...base, RECAPTCHA_SECRET: 's' })).toThrow('RECAPTCHA_SITE_KEY: is required when RECAPTCHA_SECRET is set');
  });

  it('turns the bot check off without a secret and on with its defaults when one is set', () => {
    expect(botCheckConfig(parseEnv(WebEnv, base))).toBeNull();
    expect(botCheckConfig(parseEnv(WebEnv, { ...base, RECAPTCHA_SECRET: 's', RECAPTCHA_SITE_KEY: 'k' }))).toEqual({
      secret: 's',
      siteKey: 'k',
      verifyUrl: 'https://www.google.com/recaptcha/api/siteverify',
      minScore: 0.5,
    });
  });

  it('requires AUTH_SECRET of at least 32 characters', () => {
    const { AUTH_SECRET: _, ...withoutSecret } = base;
    expect(() => parseEnv(WebEnv, withoutSecret)).toThrow('AUTH_SECRET is required');
    expect(() => parseEnv(WebEnv, { ...base, AUTH_SECRET: 'short' })).toThrow('AUTH_SECRET: must be at least 32 characters');
  });

  it('reads TRUSTED_PROXIES as a list and PUBLIC_ORIGIN as an origin', () => {
    const config = parseEnv(WebEnv, { ...base, TRUSTED_PROXIES: '10.0.0.0/8, 192.168.1.1', PUBLIC_ORIGIN: 'https://tickets.example.com/path' });
    expect(config.TRUSTED_PROXIES).toEqual(['10.0.0.0/8', '192.168.1.1']);
    expect(config.PUBLIC_ORIGIN).toBe('https://tickets.example.com');
  });
});
