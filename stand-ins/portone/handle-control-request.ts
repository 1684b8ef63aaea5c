// /__stand-in/*: the test and demo levers — the customer's actions as JSON, the fault switches
// and the webhook log. Not part of PortOne's API, so no PortOne auth.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { readBody, redirect, sendHtml, sendJson } from '../http-io';
import type { PortOneStandInControl } from './portone-stand-in-control';
import { PortOneApiError } from './portone-api-error';
import { renderStandInConsole } from './render-stand-in-console';
import { CHECKOUT_METHODS, CHECKOUT_OUTCOMES } from './stand-in-types';

const Faults = z
  .object({
    webhookLost: z.boolean(),
    webhookDuplicated: z.boolean(),
    webhookDelayMs: z.number().int().min(0),
    webhookOutOfOrder: z.boolean(),
    timeoutMs: z.number().int().min(0),
    declineAll: z.boolean(),
    depositNever: z.boolean(),
    tamperAmount: z.number().int(),
  })
  .partial()
  .strict();

const PayBody = z.object({
  method: z.enum(CHECKOUT_METHODS),
  outcome: z.enum(CHECKOUT_OUTCOMES),
  amountOverride: z.number().int().optional(),
  request: z
    .object({
      orderName: z.string().optional(),
      totalAmount: z.number().int().optional(),
      currency: z.string().optional(),
      customData: z.string().optional(),
      customer: z.object({ id: z.string(), email: z.string(), fullName: z.string(), phoneNumber: z.string() }).partial().optional(),
      payMethod: z.enum(['CARD', 'EASY_PAY', 'VIRTUAL_ACCOUNT']).optional(),
      virtualAccountExpiry: z.object({ dueDate: z.string(), validHours: z.number() }).partial().optional(),
    })
    .optional(),
});

const PAYMENT_ACTION = /^\/__stand-in\/payments\/([^/]+)\/(pay|deposit)$/;
const CONSOLE_DEPOSIT = /^\/__stand-in\/console\/payments\/([^/]+)\/deposit$/;

export async function handleControlRequest(control: PortOneStandInControl, request: IncomingMessage, response: ServerResponse, url: URL): Promise<boolean> {
  if (!url.pathname.startsWith('/__stand-in/')) return false;
  const method = request.method ?? 'GET';
  try {
    const action = PAYMENT_ACTION.exec(url.pathname);
    const consoleDeposit = CONSOLE_DEPOSIT.exec(url.pathname);
    if (url.pathname === '/__stand-in/' && method === 'GET') {
      sendHtml(response, 200, renderStandInConsole(control.payments(), control.faults()));
    } else if (method === 'POST' && consoleDeposit) {
      control.deposit(decodeURIComponent(consoleDeposit[1]!));
      redirect(response, '/__stand-in/');
    } else if (url.pathname === '/__stand-in/console/faults' && method === 'POST') {
      control.setFaults(faultsFromForm(new URLSearchParams(await readBody(request))));
      redirect(response, '/__stand-in/');
    } else if (method === 'POST' && action) {
      const paymentId = decodeURIComponent(action[1]!);
      if (action[2] === 'deposit') sendJson(response, 200, control.deposit(paymentId));
      else sendJson(response, 200, control.pay(paymentId, PayBody.parse(await readJson(request))));
    } else if (url.pathname === '/__stand-in/faults' && method === 'GET') {
      sendJson(response, 200, control.faults());
    } else if (url.pathname === '/__stand-in/faults' && method === 'POST') {
      sendJson(response, 200, control.setFaults(Faults.parse(await readJson(request))));
    } else if (url.pathname === '/__stand-in/deliveries' && method === 'GET') {
      const paymentId = url.searchParams.get('paymentId');
      sendJson(response, 200, control.deliveries().filter((d) => paymentId === null || d.paymentId === paymentId));
    } else if (url.pathname === '/__stand-in/webhooks/flush' && method === 'POST') {
      control.flushWebhooks();
      sendJson(response, 200, {});
    } else {
      sendJson(response, 404, { type: 'NOT_FOUND', message: `${method} ${url.pathname}` });
    }
  } catch (error) {
    if (error instanceof PortOneApiError) sendJson(response, error.status, error.toBody());
    else if (error instanceof z.ZodError) sendJson(response, 400, { type: 'INVALID_REQUEST', message: z.prettifyError(error) });
    else throw error;
  }
  return true;
}

/** An HTML form sends only checked boxes: every switch it does not name is off. */
function faultsFromForm(form: URLSearchParams) {
  const number = (name: string) => Number(form.get(name) ?? 0) || 0;
  return Faults.parse({
    webhookLost: form.has('webhookLost'),
    webhookDuplicated: form.has('webhookDuplicated'),
    webhookDelayMs: number('webhookDelayMs'),
    webhookOutOfOrder: form.has('webhookOutOfOrder'),
    timeoutMs: number('timeoutMs'),
    declineAll: form.has('declineAll'),
    depositNever: form.has('depositNever'),
    tamperAmount: number('tamperAmount'),
  });
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const text = await readBody(request);
  try {
    return text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new PortOneApiError('INVALID_REQUEST', 'body is not JSON');
  }
}
