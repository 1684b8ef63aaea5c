// Signing keys for entry tokens and queue tickets: `kid:secret[,kid:secret...]`, the first one
// signs, all of them verify — rotate by prepending a new key and dropping the old one after one
// active session length. Plain Web APIs only: the Next proxy verifies with the same keys.
export type EntryTokenKeys = { current: { kid: string; key: Uint8Array }; byKid: Map<string, Uint8Array> };

const parsed = new Map<string, EntryTokenKeys>();

/** Parsed once per distinct spec (the gateway and the proxy call this per request). */
export function parseEntryTokenKeys(spec: string): EntryTokenKeys {
  const cached = parsed.get(spec);
  if (cached) return cached;
  const entries = spec
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.indexOf(':');
      const kid = part.slice(0, at);
      const secret = part.slice(at + 1);
      if (at < 1 || secret.length < 32) throw new Error('ENTRY_TOKEN_KEYS: each key is kid:secret with a secret of 32+ characters');
      return [kid, new TextEncoder().encode(secret)] as const;
    });
  if (!entries.length) throw new Error('ENTRY_TOKEN_KEYS: at least one kid:secret');
  const [kid, key] = entries[0]!;
  const keys = { current: { kid, key }, byKid: new Map(entries) };
  parsed.set(spec, keys);
  return keys;
}
