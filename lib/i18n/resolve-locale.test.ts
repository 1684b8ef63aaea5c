import { describe, expect, it } from 'vitest';
import { resolveLocale } from './resolve-locale';

describe('resolveLocale', () => {
  it('prefers the switcher cookie over the browser languages', () => {
    expect(resolveLocale({ cookie: 'en', acceptLanguage: 'ko-KR,ko;q=0.9' })).toBe('en');
    expect(resolveLocale({ cookie: 'ko', acceptLanguage: 'en-US' })).toBe('ko');
  });

  it('ignores a cookie naming a language the site does not speak', () => {
    expect(resolveLocale({ cookie: 'fr', acceptLanguage: 'en-GB' })).toBe('en');
  });

  it('takes the highest-weighted spoken language from Accept-Language', () => {
    expect(resolveLocale({ acceptLanguage: 'ja;q=0.9, en-US;q=0.8, ko;q=0.7' })).toBe('en');
    expect(resolveLocale({ acceptLanguage: 'en;q=0.5, ko-KR;q=0.6' })).toBe('ko');
    expect(resolveLocale({ acceptLanguage: 'en;q=0, ko;q=0.1' })).toBe('ko');
  });

  it('falls back to Korean', () => {
    expect(resolveLocale({})).toBe('ko');
    expect(resolveLocale({ acceptLanguage: 'ja-JP,zh;q=0.8' })).toBe('ko');
    expect(resolveLocale({ acceptLanguage: 'en;q=0' })).toBe('ko');
  });
});
