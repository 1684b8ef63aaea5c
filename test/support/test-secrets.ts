// The secrets test support hands to the processes it starts, as a deployment sets them in the
// environment: the configs have no defaults, and a test signs with the same keys the worker API
// and the gateway verify with. Only tests know these values.
export const TEST_SECRETS = {
  INTERNAL_API_TOKEN: 'test-internal-token-0123456789abcdef',
  AUTH_SECRET: 'test-auth-secret-0123456789abcdef0123456',
  ENTRY_TOKEN_SECRET: 'test-entry-token-secret-0123456789abcdef',
  /** base64url of the 32 bytes `test-ticket-signing-key-32-bytes`. */
  TICKET_SIGNING_KEY: 'dGVzdC10aWNrZXQtc2lnbmluZy1rZXktMzItYnl0ZXM',
  PORTONE_API_SECRET: 'test-portone-api-secret-0123456789',
  PORTONE_WEBHOOK_SECRETS: 'whsec_dGVzdC13ZWJob29rLXNlY3JldC0wMTIzNDU2Nzg5YWI=',
} as const;

/**
 * The rest of the PortOne settings a worker needs to boot. The API origin answers nothing: a test
 * that pays starts a stand-in (test-portone.ts) and passes its origin and keys instead.
 */
export const TEST_PORTONE_SETTINGS = {
  PORTONE_API_URL: 'http://127.0.0.1:9',
  PORTONE_STORE_ID: 'store-test',
  PORTONE_CHANNEL_KEY: 'channel-key-test',
} as const;
