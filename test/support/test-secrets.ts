// The secrets test support hands to the processes it starts, as a deployment sets them in the
// environment: the configs have no defaults, and a test signs with the same keys the worker API
// and the gateway verify with. Only tests know these values.
export const TEST_SECRETS = {
  INTERNAL_API_TOKEN: 'test-internal-token-0123456789abcdef',
  AUTH_SECRET: 'test-auth-secret-0123456789abcdef0123456',
  ENTRY_TOKEN_SECRET: 'test-entry-token-secret-0123456789abcdef',
  /** base64url of the 32 bytes `test-ticket-signing-key-32-bytes`. */
  TICKET_SIGNING_KEY: 'dGVzdC10aWNrZXQtc2lnbmluZy1rZXktMzItYnl0ZXM',
} as const;
