// Entry tokens whose signature this process has already verified, by the token string: an
// admitted fan presents the same token on every seat call, and HS256 through WebCrypto (key
// import, a thread-pool job, a promise) was the largest single cost of a hold request (~28 % of
// the worker API's busy time under the holds bench). Only the claims are kept; expiry and the
// user/performance bindings are checked again on every hit, and revocation is not cached at all
// (the caller asks Redis every time). Bounded LRU: at ~400 bytes an entry, 50,000 tokens ≈ 20 MB.
export type VerifiedClaims = { sub: string; aud: string[]; jti: string; exp: number };
export type VerifiedTokenCache = { get(token: string): VerifiedClaims | undefined; set(token: string, claims: VerifiedClaims): void };

export function createVerifiedTokenCache(maxEntries = 50_000): VerifiedTokenCache {
  // A Map iterates in insertion order: re-inserting on a hit makes the first key the least recent.
  const entries = new Map<string, VerifiedClaims>();
  return {
    get(token) {
      const claims = entries.get(token);
      if (claims) {
        entries.delete(token);
        entries.set(token, claims);
      }
      return claims;
    },
    set(token, claims) {
      entries.delete(token);
      entries.set(token, claims);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
    },
  };
}
