// A PortOne stand-in per test file, with fresh keys, and the real SDK client pointed at it.
import { randomBytes } from 'node:crypto';
import { PortOneClient } from '@portone/server-sdk';
import { startPortOneStandIn, type PortOneStandIn } from '../../stand-ins/portone/start-portone-stand-in';
import type { PortOneStandInOptions } from '../../stand-ins/portone/stand-in-types';

export type TestPortOne = PortOneStandIn & { client: ReturnType<typeof PortOneClient> };

/** A Standard Webhooks secret in PortOne's format. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

export async function startTestPortOne(options: Partial<PortOneStandInOptions> = {}): Promise<TestPortOne> {
  const standIn = await startPortOneStandIn({
    apiSecret: `test-api-secret-${randomBytes(8).toString('hex')}`,
    storeId: `store-${randomBytes(8).toString('hex')}`,
    webhookSecrets: [newWebhookSecret()],
    // Retries a test can wait for, instead of PortOne's minutes.
    retryDelaysMs: [20, 40, 80],
    ...options,
  });
  const client = PortOneClient({ secret: standIn.apiSecret, baseUrl: standIn.url, storeId: standIn.storeId });
  return { ...standIn, client };
}
