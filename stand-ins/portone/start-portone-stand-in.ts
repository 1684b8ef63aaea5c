// A PortOne v2 stand-in over real HTTP: the REST API @portone/server-sdk calls, signed webhooks
// with retries, a checkout page that plays PortOne's window, and fault switches. It is the
// external service in the demo and the tests, so its state lives in this process's memory.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkoutRequestToQuery } from './checkout-request-query';
import { handleCheckoutRequest } from './handle-checkout-request';
import { handleControlRequest } from './handle-control-request';
import { handleRestRequest, type RestContext } from './handle-rest-request';
import { PaymentLedger } from './payment-ledger';
import type { PortOneStandInControl } from './portone-stand-in-control';
import { NO_FAULTS, type CheckoutRequest, type PortOneStandInOptions, type StandInFaults } from './stand-in-types';
import { WebhookDispatcher } from './webhook-dispatcher';

/** PortOne's retry schedule: 1, 4, 16, 64 and 256 minutes after the first attempt fails. */
export const PORTONE_RETRY_DELAYS_MS = [1, 4, 16, 64, 256].map((minutes) => minutes * 60_000);

export type PortOneStandIn = {
  /** The REST base URL: `PortOneClient({ secret: apiSecret, baseUrl: url })`. */
  url: string;
  storeId: string;
  apiSecret: string;
  /** The secret that signs deliveries (the first of `webhookSecrets`). */
  webhookSecret: string;
  /** The window for a payment; `request` carries what the browser SDK's requestPayment would. */
  checkoutPageUrl(paymentId: string, request?: CheckoutRequest): string;
  control: PortOneStandInControl;
  stop(): Promise<void>;
};

export async function startPortOneStandIn(options: PortOneStandInOptions): Promise<PortOneStandIn> {
  if (options.webhookSecrets.length === 0) throw new Error('startPortOneStandIn: webhookSecrets needs at least one secret');
  const now = options.now ?? (() => new Date());
  let faults: StandInFaults = { ...NO_FAULTS };
  let webhookUrl = options.webhookUrl;
  const dispatcher = new WebhookDispatcher({
    url: () => webhookUrl,
    secrets: options.webhookSecrets,
    retryDelaysMs: options.retryDelaysMs ?? PORTONE_RETRY_DELAYS_MS,
    now,
    faults: () => faults,
  });
  const ledger = new PaymentLedger({
    storeId: options.storeId,
    manualConfirm: options.manualConfirm ?? false,
    now,
    faults: () => faults,
    onTransition: (event) => dispatcher.emit(event),
    webhooksOf: (paymentId) => dispatcher.webhooksOf(paymentId),
  });
  const control: PortOneStandInControl = {
    pay: (paymentId, choice) => ledger.pay(paymentId, choice),
    deposit: (paymentId) => ledger.deposit(paymentId),
    payment: (paymentId) => ledger.find(paymentId),
    refundAccounts: (paymentId) => ledger.refundAccounts(paymentId),
    payments: () => ledger.list(new Date(0), new Date(8.64e15)).map((item) => item.payment).reverse(),
    faults: () => ({ ...faults }),
    setFaults: (changes) => ({ ...(faults = { ...faults, ...changes }) }),
    deliveries: () => dispatcher.deliveries(),
    flushWebhooks: () => dispatcher.flush(),
    webhooksSettled: () => dispatcher.idle(),
    setWebhookUrl: (url) => {
      webhookUrl = url;
    },
  };
  const rest: RestContext = { apiSecret: options.apiSecret, storeId: options.storeId, ledger, dispatcher, faults: () => faults, now };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://stand-in');
    void (async () => {
      const handled =
        (await handleRestRequest(rest, request, response, url)) ||
        (await handleCheckoutRequest(ledger, request, response, url)) ||
        (await handleControlRequest(control, request, response, url));
      if (!handled) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ type: 'NOT_FOUND', message: `${request.method} ${url.pathname}` }));
      }
    })().catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ type: 'INTERNAL', message: error instanceof Error ? error.message : String(error) }));
    });
  });
  const host = options.host ?? '127.0.0.1';
  await listen(server, options.port ?? 0, host);
  const { port } = server.address() as AddressInfo;
  const url = `http://${host}:${port}`;
  return {
    url,
    storeId: options.storeId,
    apiSecret: options.apiSecret,
    webhookSecret: options.webhookSecrets[0]!,
    checkoutPageUrl: (paymentId, request = {}) => {
      const query = checkoutRequestToQuery(request).toString();
      return `${url}/checkout/${encodeURIComponent(paymentId)}${query ? `?${query}` : ''}`;
    },
    control,
    stop: async () => {
      dispatcher.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
