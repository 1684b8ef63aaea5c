import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidV7 } from './uuid-v7';

describe('uuidV7', () => {
  it('makes valid version-7 UUIDs that sort by creation time', () => {
    const a = uuidV7(1_700_000_000_000);
    const b = uuidV7(1_700_000_000_001);
    expect(z.uuid({ version: 'v7' }).safeParse(a).success).toBe(true);
    expect(a < b).toBe(true);
    expect(a.slice(0, 13)).toBe('018bcfe5-6800');
  });
});
