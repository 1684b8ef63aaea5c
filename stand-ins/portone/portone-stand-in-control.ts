// The levers a test (or the demo, over /__stand-in/*) pulls on the PortOne stand-in.
import type { Payment } from '@portone/server-sdk';
import type { CheckoutChoice, CheckoutResult, StandInFaults, WebhookDelivery } from './stand-in-types';

export type PortOneStandInControl = {
  /** The customer finishes PortOne's window (what the checkout page's buttons do). */
  pay(paymentId: string, choice: CheckoutChoice): CheckoutResult;
  /** The customer wires the money into an issued virtual account. */
  deposit(paymentId: string): Payment.Payment;
  /** The payment as PortOne holds it (no API secret needed). */
  payment(paymentId: string): Payment.Payment;
  /** The bank accounts this payment's cancels refunded to, in order (a virtual account's refunds). */
  refundAccounts(paymentId: string): Payment.CancelPaymentBodyRefundAccount[];
  /** Every payment, newest first. */
  payments(): Payment.Payment[];
  faults(): StandInFaults;
  /** Switches the named faults; the others keep their value. Returns all of them. */
  setFaults(faults: Partial<StandInFaults>): StandInFaults;
  /** Every webhook emitted so far, with each attempt and its answer. */
  deliveries(): WebhookDelivery[];
  /** Sends the webhooks held back by `webhookOutOfOrder`. */
  flushWebhooks(): void;
  /** Resolves once no webhook attempt is running or due. */
  webhooksSettled(): Promise<void>;
  /** Points webhooks at a receiver started after the stand-in. */
  setWebhookUrl(url: string | undefined): void;
};
