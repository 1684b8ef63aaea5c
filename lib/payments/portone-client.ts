// The one way lib/ talks to PortOne v2: the official server SDK over the configured origin, so the
// stand-in and the real API differ only in URL and keys. The store id is bound here: every call
// names it, and settle checks that a fetched payment belongs to it.
import { PortOneClient } from '@portone/server-sdk';
import type { PortOneSettings } from './payments-config';

export type PortOne = {
  storeId: string;
  payment: PortOneClient['payment'];
};

export function createPortOneClient(settings: PortOneSettings): PortOne {
  const client = PortOneClient({ secret: settings.apiSecret, baseUrl: settings.apiUrl, storeId: settings.storeId });
  return { storeId: settings.storeId, payment: client.payment };
}
