// GET/POST /checkout/{paymentId}: the customer's side of a payment. GET opens the window (the
// payment becomes READY); POST applies the customer's choice and, like PortOne's mobile flow,
// redirects to `redirectUrl?paymentId=…&txId=…` with `code` and `message` only on failure.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readBody, redirect, sendHtml } from '../http-io';
import { checkoutRequestFromQuery } from './checkout-request-query';
import { CheckoutRefusal, type PaymentLedger } from './payment-ledger';
import { renderCheckoutPage, renderCheckoutResult } from './render-checkout-page';
import { CHECKOUT_METHODS, CHECKOUT_OUTCOMES, type CheckoutMethod, type CheckoutOutcome, type CheckoutResult } from './stand-in-types';

const CHECKOUT_PATH = /^\/checkout\/([^/]+)$/;

export async function handleCheckoutRequest(ledger: PaymentLedger, request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  const match = CHECKOUT_PATH.exec(url.pathname);
  if (!match) return false;
  const paymentId = decodeURIComponent(match[1]!);
  const checkout = checkoutRequestFromQuery(url.searchParams);
  if (request.method === 'GET') {
    try {
      const payment = ledger.open(paymentId, checkout);
      if (payment.status !== 'READY') throw new CheckoutRefusal('PORTONE_ERROR', '이미 결제가 진행된 결제 건입니다.');
      sendHtml(response, 200, renderCheckoutPage(payment, checkout, url.searchParams.toString()));
    } catch (error) {
      if (!(error instanceof CheckoutRefusal)) throw error;
      finish(response, checkout.redirectUrl, { paymentId, transactionType: 'PAYMENT', code: error.code, message: error.message });
    }
    return true;
  }
  if (request.method !== 'POST') return false;
  const form = new URLSearchParams(await readBody(request));
  const method = form.get('method') as CheckoutMethod;
  const outcome = form.get('outcome') as CheckoutOutcome;
  if (!CHECKOUT_METHODS.includes(method) || !CHECKOUT_OUTCOMES.includes(outcome)) {
    sendHtml(response, 400, renderCheckoutResult('잘못된 요청', { method: form.get('method') ?? '', outcome: form.get('outcome') ?? '' }));
    return true;
  }
  finish(response, checkout.redirectUrl, ledger.pay(paymentId, { method, outcome, request: checkout }));
  return true;
}

function finish(response: ServerResponse, redirectUrl: string | undefined, result: CheckoutResult) {
  if (!redirectUrl) {
    sendHtml(response, result.code ? 402 : 200, renderCheckoutResult(result.code ? '결제 실패' : '결제 완료', { ...result }));
    return;
  }
  const target = new URL(redirectUrl);
  for (const [key, value] of Object.entries(result)) if (value !== undefined) target.searchParams.set(key, value);
  redirect(response, target.toString());
}
