// The one way lib/ talks to PortOne v2: the official server SDK over the configured origin, so the
// stand-in and the real API differ only in URL and keys. The store id is bound here: every call
// names it, and settle checks that a fetched payment belongs to it.
//
// The SDK's requests have no time limit; a PortOne that accepts the connection and never answers
// would hold a settle, a refund or a reconciler tick forever. Every call here gives up after
// `timeoutMs` with an error, and the callers' retries (webhook redelivery, the reconciler, the
// refund retry loop) take it from there.
import { PortOneClient } from '@portone/server-sdk';
import type { PortOneSettings } from './payments-config';

export type PortOne = {
  storeId: string;
  payment: PortOneClient['payment'];
};

const DEFAULT_TIMEOUT_MS = 10_000;

export class PortOneTimeout extends Error {
  constructor(call: string, ms: number) {
    super(`PortOne did not answer ${call} within ${ms} ms`);
  }
}

function withTimeout<T>(promise: Promise<T>, call: string, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new PortOneTimeout(call, ms)), ms);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

export function createPortOneClient(settings: PortOneSettings): PortOne {
  const client = PortOneClient({ secret: settings.apiSecret, baseUrl: settings.apiUrl, storeId: settings.storeId });
  const timeoutMs = settings.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const payment = new Proxy(client.payment, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => withTimeout(Promise.resolve(value.apply(target, args)), String(key), timeoutMs);
    },
  });
  return { storeId: settings.storeId, payment };
}
