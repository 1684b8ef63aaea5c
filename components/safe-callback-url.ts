// Where to go after signing in: only a path on this site (never //evil.example or https://…),
// so the sign-in page cannot be used as an open redirect.
export function safeCallbackUrl(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}
