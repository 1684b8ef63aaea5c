// The shapes the PortOne stand-in shares between its ledger, its webhook sender, its HTTP
// handlers and the tests that drive it. PortOne's own shapes come from @portone/server-sdk.
import type { Payment } from '@portone/server-sdk';

export type PortOneStandInOptions = {
  /** 0 (the default) takes a free port. */
  port?: number;
  host?: string;
  apiSecret: string;
  storeId: string;
  /** Standard Webhooks secrets (`whsec_<base64>`); the first signs, the rest are still accepted by the receiver. */
  webhookSecrets: string[];
  /** Where webhooks go; without it they are recorded as deliveries but never sent. */
  webhookUrl?: string;
  /** A channel with 수동 승인: the window only authorises (PAY_PENDING) until `POST /confirm`. */
  manualConfirm?: boolean;
  now?: () => Date;
  /** Delays between webhook attempts; PortOne retries 5 times after 1, 4, 16, 64 and 256 minutes. */
  retryDelaysMs?: number[];
};

export type StandInFaults = {
  /** Webhooks are recorded but never sent (resend-webhook still sends them). */
  webhookLost: boolean;
  /** Every webhook is sent twice with the same webhook-id. */
  webhookDuplicated: boolean;
  /** Each webhook waits this long before its first attempt. */
  webhookDelayMs: number;
  /** Each webhook is held back until the next one has been sent (or `flushWebhooks`). */
  webhookOutOfOrder: boolean;
  /** The REST API answers this many milliseconds late. */
  timeoutMs: number;
  /** Every payment attempt is declined by the "card company". */
  declineAll: boolean;
  /** Deposits into virtual accounts never arrive: `deposit` is refused. */
  depositNever: boolean;
  /** KRW added to every charged total at "PortOne" (0 = charge what was asked). */
  tamperAmount: number;
};

export const NO_FAULTS: StandInFaults = {
  webhookLost: false,
  webhookDuplicated: false,
  webhookDelayMs: 0,
  webhookOutOfOrder: false,
  timeoutMs: 0,
  declineAll: false,
  depositNever: false,
  tamperAmount: 0,
};

/** What the browser SDK's `requestPayment` would tell PortOne's window (flattened into the checkout URL). */
export type CheckoutRequest = {
  orderName?: string;
  totalAmount?: number;
  currency?: string;
  customData?: string;
  customer?: { id?: string; email?: string; fullName?: string; phoneNumber?: string };
  /** Restricts the choices the window offers. */
  payMethod?: 'CARD' | 'EASY_PAY' | 'VIRTUAL_ACCOUNT';
  virtualAccountExpiry?: { dueDate?: string; validHours?: number };
  redirectUrl?: string;
};

export const CHECKOUT_METHODS = ['card', 'kakaopay', 'naverpay', 'tosspay', 'virtual_account'] as const;
export type CheckoutMethod = (typeof CHECKOUT_METHODS)[number];
export const CHECKOUT_OUTCOMES = ['paid', 'declined', 'user_cancelled'] as const;
export type CheckoutOutcome = (typeof CHECKOUT_OUTCOMES)[number];

export type CheckoutChoice = {
  method: CheckoutMethod;
  /** `paid` on a virtual account means "account issued"; the money comes with `deposit`. */
  outcome: CheckoutOutcome;
  /** The amount the client claims; refused when it differs from a pre-registered amount. */
  amountOverride?: number;
  /** Window parameters, when the test did not open the checkout page first. */
  request?: CheckoutRequest;
};

/** What the window hands back: the query parameters of PortOne's mobile redirect. */
export type CheckoutResult = {
  paymentId: string;
  transactionType: 'PAYMENT';
  txId?: string;
  /** Manual-confirm channels only: the token `POST /confirm` needs. */
  paymentToken?: string;
  /** Present only when the payment did not go through. */
  code?: string;
  message?: string;
};

export type DeliveryAttempt = { at: string; status?: number; error?: string };

export type WebhookDelivery = {
  webhookId: string;
  paymentId: string;
  type: string;
  body: string;
  /** pending: an attempt is due; held: out of order; lost: never sent; failed: retries used up. */
  state: 'pending' | 'held' | 'delivered' | 'failed' | 'lost';
  attempts: DeliveryAttempt[];
  paymentStatus: Payment.PaymentWebhookPaymentStatus;
  triggeredAt: string;
};
