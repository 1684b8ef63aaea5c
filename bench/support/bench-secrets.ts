// The secrets the benchmarks hand to the worker API and the Next server they start: the configs
// have no defaults, and the load generators sign queue tickets and entry tokens with the same keys.
export const BENCH_SECRETS = {
  INTERNAL_API_TOKEN: 'bench-internal-token-0123456789abcdef',
  AUTH_SECRET: 'bench-auth-secret-0123456789abcdef0123',
  ENTRY_TOKEN_SECRET: 'bench-entry-token-secret-0123456789abcdef',
  TICKET_SIGNING_KEY: 'YmVuY2gtdGlja2V0LXNpZ25pbmcta2V5LTMyYnl0ZXM',
} as const;
