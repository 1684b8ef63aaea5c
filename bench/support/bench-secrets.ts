// The secrets the benchmarks hand to the worker API and the Next server they start: the configs
// have no defaults, and the load generators sign queue tickets and entry tokens with the same keys.
// The PortOne store settings come along because a worker refuses to boot without them; their
// origin answers nothing (only the settle benchmark pays, at a stand-in of its own).
export const BENCH_SECRETS = {
  INTERNAL_API_TOKEN: 'bench-internal-token-0123456789abcdef',
  AUTH_SECRET: 'bench-auth-secret-0123456789abcdef0123',
  ENTRY_TOKEN_SECRET: 'bench-entry-token-secret-0123456789abcdef',
  TICKET_SIGNING_KEY: 'YmVuY2gtdGlja2V0LXNpZ25pbmcta2V5LTMyYnl0ZXM',
  PORTONE_API_SECRET: 'bench-portone-api-secret-0123456789',
  PORTONE_WEBHOOK_SECRETS: 'whsec_YmVuY2gtd2ViaG9vay1zZWNyZXQtMDEyMzQ1Njc4OWE=',
  PORTONE_API_URL: 'http://127.0.0.1:9',
  PORTONE_STORE_ID: 'store-bench',
  PORTONE_CHANNEL_KEY: 'channel-key-bench',
} as const;
