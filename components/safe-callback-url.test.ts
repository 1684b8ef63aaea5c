import { describe, expect, it } from 'vitest';
import { safeCallbackUrl } from './safe-callback-url';

describe('safeCallbackUrl', () => {
  it('keeps a path on this site and refuses anything that leaves it', () => {
    expect(safeCallbackUrl('/admin?tab=1')).toBe('/admin?tab=1');
    for (const bad of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '', null, undefined]) {
      expect(safeCallbackUrl(bad)).toBe('/');
    }
  });
});
