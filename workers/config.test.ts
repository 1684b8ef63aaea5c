import { describe, expect, it } from 'vitest';
import { loadWorkerConfig, paymentsConfig, transferLimits } from './config';
import { TEST_SECRETS } from '../test/support/test-secrets';

const base = { DATABASE_URL: 'postgres://u@h/db', REDIS_URL: 'redis://h:6379', INTERNAL_API_TOKEN: 'i'.repeat(40), ENTRY_TOKEN_SECRET: 'e'.repeat(40), TICKET_SIGNING_KEY: TEST_SECRETS.TICKET_SIGNING_KEY };
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

describe('worker config: transfers', () => {
  it('closes transfers a day before the show, allows one per ticket and keeps offers open three days by default', () => {
    expect(transferLimits(loadWorkerConfig({ ...base, ...portone }))).toEqual({ cutoffHoursBeforeShow: 24, maxPerTicket: 1, offerHours: 72 });
  });

  it('takes the limits from the environment and refuses a negative count', () => {
    const env = { ...base, ...portone, TRANSFER_CUTOFF_HOURS_BEFORE_SHOW: '6', TRANSFER_MAX_PER_TICKET: '3', TRANSFER_OFFER_HOURS: '12' };
    expect(transferLimits(loadWorkerConfig(env))).toEqual({ cutoffHoursBeforeShow: 6, maxPerTicket: 3, offerHours: 12 });
    expect(() => loadWorkerConfig({ ...base, ...portone, TRANSFER_MAX_PER_TICKET: '-1' })).toThrow(/^invalid configuration: TRANSFER_MAX_PER_TICKET/);
  });
});
