import { describe, expect, it } from 'vitest';
import { loadWorkerConfig, paymentsConfig } from './config';

const base = { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379', INTERNAL_API_TOKEN: 'i'.repeat(40), ENTRY_TOKEN_SECRET: 'e'.repeat(40) };
const portone = {
  PORTONE_STORE_ID: 'store-1',
  PORTONE_CHANNEL_KEY: 'channel-key-1',
  PORTONE_API_SECRET: 's'.repeat(40),
  PORTONE_WEBHOOK_SECRETS: 'whsec_old0000000, whsec_new0000000',
};

describe('worker config: PortOne', () => {
  it('refuses to boot without the store, naming every missing setting and secret at once', () => {
    expect(() => loadWorkerConfig(base)).toThrow(
      /^invalid configuration: PORTONE_API_SECRET is required; PORTONE_WEBHOOK_SECRETS is required; PORTONE_STORE_ID is required; PORTONE_CHANNEL_KEY is required$/,
    );
  });

  it('talks to api.portone.io unless told otherwise, every webhook secret kept for verification', () => {
    const config = paymentsConfig(loadWorkerConfig({ ...base, ...portone, PORTONE_MANUAL_CONFIRM: 'true' }));
    expect(config).toMatchObject({
      portone: { apiUrl: 'https://api.portone.io', storeId: 'store-1', apiSecret: 's'.repeat(40) },
      channelKey: 'channel-key-1',
      webhookSecrets: ['whsec_old0000000', 'whsec_new0000000'],
      manualConfirm: true,
      checkoutUrl: null,
    });
    expect(paymentsConfig(loadWorkerConfig({ ...base, ...portone, PORTONE_API_URL: 'http://127.0.0.1:7070' })).portone.apiUrl).toBe('http://127.0.0.1:7070');
  });
});
