import { describe, expect, it } from 'vitest';
import { resolveClientIp } from './resolve-client-ip';

describe('resolveClientIp', () => {
  it('takes the right-most hop when no proxy is trusted, so a forged left entry is ignored', () => {
    expect(resolveClientIp('6.6.6.6, 203.0.113.9', [])).toBe('203.0.113.9');
  });

  it('skips our own proxies from the right and stops at the first address they did not write', () => {
    expect(resolveClientIp('6.6.6.6, 203.0.113.9, 10.0.1.5, 10.0.2.7', ['10.0.0.0/16'])).toBe('203.0.113.9');
    expect(resolveClientIp('203.0.113.9, 192.168.1.1', ['192.168.1.1'])).toBe('203.0.113.9');
  });

  it('normalises ports, brackets and IPv4-mapped IPv6, and drops garbage', () => {
    expect(resolveClientIp('203.0.113.9:51234', [])).toBe('203.0.113.9');
    expect(resolveClientIp('[2001:DB8::1]:443', [])).toBe('2001:db8::1');
    expect(resolveClientIp('::ffff:203.0.113.9', [])).toBe('203.0.113.9');
    expect(resolveClientIp('203.0.113.9, not-an-ip', [])).toBe('203.0.113.9');
    expect(resolveClientIp(null, [])).toBeNull();
  });

  it('answers the left-most hop when every hop is ours', () => {
    expect(resolveClientIp('10.0.0.2, 10.0.0.3', ['10.0.0.0/8'])).toBe('10.0.0.2');
  });
});
