// The signing keys from a process's config: ENTRY_TOKEN_KEYS (`kid:secret,...`, for rotation) or
// the single ENTRY_TOKEN_SECRET (key id `s1`). There is no fallback key: a key written in the
// repository would let anyone mint entry tokens and skip the waiting room, so the configs refuse
// to start without one (lib/config/secret-env.ts) and this refuses to sign or verify without one.
import { parseEntryTokenKeys, type EntryTokenKeys } from './entry-token-keys';

export function resolveEntryTokenKeys(config: { ENTRY_TOKEN_KEYS?: string; ENTRY_TOKEN_SECRET?: string }): EntryTokenKeys {
  if (config.ENTRY_TOKEN_KEYS) return parseEntryTokenKeys(config.ENTRY_TOKEN_KEYS);
  if (config.ENTRY_TOKEN_SECRET) return parseEntryTokenKeys(`s1:${config.ENTRY_TOKEN_SECRET}`);
  throw new Error('ENTRY_TOKEN_KEYS or ENTRY_TOKEN_SECRET is required');
}
