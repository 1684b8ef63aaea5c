// The signing keys from a process's config: ENTRY_TOKEN_KEYS (`kid:secret,...`, for rotation) or
// the single ENTRY_TOKEN_SECRET that `npm start` generates (key id `s1`); with neither (tests,
// benchmarks, a bare `next dev`) a fixed development key — never valid against production tokens.
import { parseEntryTokenKeys, type EntryTokenKeys } from './entry-token-keys';

const DEVELOPMENT_KEY = 'dev1:openseat-dev-entry-token-key-change-me-in-prod';

export function resolveEntryTokenKeys(config: { ENTRY_TOKEN_KEYS?: string; ENTRY_TOKEN_SECRET?: string }): EntryTokenKeys {
  return parseEntryTokenKeys(config.ENTRY_TOKEN_KEYS ?? (config.ENTRY_TOKEN_SECRET ? `s1:${config.ENTRY_TOKEN_SECRET}` : DEVELOPMENT_KEY));
}
