// Sends the stand-in's webhooks as PortOne does: version 2024-04-25 bodies, Standard Webhooks
// headers signed with the first secret, retried on a non-2xx answer after each of the retry
// delays — and misbehaves on request (lost, duplicated, late, out of order).
import { randomUUID } from 'node:crypto';
import type { Payment } from '@portone/server-sdk';
import type { TransitionEvent } from './payment-ledger';
import { PortOneApiError } from './portone-api-error';
import { signWebhook } from './sign-webhook';
import type { StandInFaults, WebhookDelivery } from './stand-in-types';

type DispatcherDeps = {
  url: () => string | undefined;
  secrets: string[];
  retryDelaysMs: number[];
  now: () => Date;
  faults: () => StandInFaults;
};

const ATTEMPT_TIMEOUT_MS = 10_000;

export class WebhookDispatcher {
  private readonly sent: WebhookDelivery[] = [];
  private held: WebhookDelivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly deps: DispatcherDeps) {}

  emit(event: TransitionEvent): WebhookDelivery {
    const now = this.deps.now();
    const data = {
      storeId: event.storeId,
      paymentId: event.paymentId,
      transactionId: event.transactionId,
      ...(event.cancellationId ? { cancellationId: event.cancellationId } : {}),
    };
    const delivery: WebhookDelivery = {
      webhookId: `msg_${randomUUID().replaceAll('-', '')}`,
      paymentId: event.paymentId,
      type: event.type,
      body: JSON.stringify({ type: event.type, timestamp: now.toISOString(), data }),
      state: 'pending',
      attempts: [],
      paymentStatus: event.paymentStatus,
      triggeredAt: now.toISOString(),
    };
    this.sent.push(delivery);
    const faults = this.deps.faults();
    if (faults.webhookLost) {
      delivery.state = 'lost';
      return delivery;
    }
    const earlier = this.held;
    this.held = [];
    if (faults.webhookOutOfOrder && earlier.length === 0) {
      delivery.state = 'held';
      this.held.push(delivery);
      return delivery;
    }
    const firstAttempt = this.schedule(delivery, 0, faults.webhookDelayMs);
    // The held webhook goes out only once the newer one has been answered, so the receiver
    // really sees them in the wrong order.
    if (earlier.length > 0) void this.track(firstAttempt.then(() => earlier.forEach((late) => this.release(late))));
    return delivery;
  }

  /** `POST /payments/{id}/resend-webhook`: the named (or latest) webhook of the payment, once more. */
  resend(paymentId: string, webhookId?: string): Payment.PaymentWebhook {
    const candidates = this.sent.filter((d) => d.paymentId === paymentId);
    const delivery = webhookId ? candidates.find((d) => d.webhookId === webhookId) : candidates.at(-1);
    if (!delivery) throw new PortOneApiError('WEBHOOK_NOT_FOUND', '웹훅 내역이 존재하지 않습니다.');
    this.held = this.held.filter((d) => d !== delivery);
    delivery.state = 'pending';
    this.schedule(delivery, this.deps.retryDelaysMs.length, 0);
    return this.asPaymentWebhook(delivery);
  }

  /** Sends every held (out-of-order) webhook now. */
  flush(): void {
    const held = this.held;
    this.held = [];
    for (const delivery of held) this.release(delivery);
  }

  deliveries(): WebhookDelivery[] {
    return this.sent.map((d) => ({ ...d, attempts: [...d.attempts] }));
  }

  webhooksOf(paymentId: string): Payment.PaymentWebhook[] {
    return this.sent.filter((d) => d.paymentId === paymentId).map((d) => this.asPaymentWebhook(d));
  }

  /** Resolves once no attempt is running or due (tests wait on it before asserting). */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0 || this.timers.size > 0) {
      await Promise.race([...this.inFlight, new Promise((resolve) => setTimeout(resolve, 10))]);
    }
  }

  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private release(delivery: WebhookDelivery) {
    delivery.state = 'pending';
    this.schedule(delivery, 0, this.deps.faults().webhookDelayMs);
  }

  /**
   * `retriesUsed` = how many of the retry delays are already spent before this attempt.
   * Resolves when the first attempt has been answered (or failed).
   */
  private schedule(delivery: WebhookDelivery, retriesUsed: number, delayMs: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    const copies = this.deps.faults().webhookDuplicated ? 2 : 1;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        const attempts = Array.from({ length: copies }, (_, copy) => this.track(this.attempt(delivery, copy === 0 ? retriesUsed : Infinity)));
        void Promise.all(attempts).then(() => resolve());
      }, delayMs);
      this.timers.add(timer);
    });
  }

  private track(attempt: Promise<void>): Promise<void> {
    this.inFlight.add(attempt);
    return attempt.finally(() => this.inFlight.delete(attempt));
  }

  private async attempt(delivery: WebhookDelivery, retriesUsed: number): Promise<void> {
    const url = this.deps.url();
    const at = this.deps.now();
    if (!url) {
      delivery.attempts.push({ at: at.toISOString(), error: 'no webhookUrl configured' });
      delivery.state = 'failed';
      return;
    }
    // The signature's timestamp is the wire clock: Webhook.verify compares it with Date.now(),
    // whatever clock the stand-in's payments follow.
    const timestamp = Math.floor(Date.now() / 1000);
    let ok = false;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': delivery.webhookId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(this.deps.secrets[0]!, delivery.webhookId, timestamp, delivery.body),
        },
        body: delivery.body,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      await response.arrayBuffer();
      ok = response.ok;
      delivery.attempts.push({ at: at.toISOString(), status: response.status });
    } catch (error) {
      delivery.attempts.push({ at: at.toISOString(), error: error instanceof Error ? error.message : String(error) });
    }
    if (ok) {
      delivery.state = 'delivered';
      return;
    }
    // A duplicate copy (retriesUsed = Infinity) never schedules retries of its own.
    const nextDelay = this.deps.retryDelaysMs[retriesUsed];
    if (nextDelay === undefined) {
      if (delivery.state !== 'delivered' && retriesUsed !== Infinity) delivery.state = 'failed';
      return;
    }
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.track(this.attempt(delivery, retriesUsed + 1));
    }, nextDelay);
    this.timers.add(timer);
  }

  private asPaymentWebhook(delivery: WebhookDelivery): Payment.PaymentWebhook {
    const last = delivery.attempts.at(-1);
    return {
      id: delivery.webhookId,
      paymentStatus: delivery.paymentStatus,
      status: delivery.state === 'delivered' ? 'SUCCEEDED' : last?.status !== undefined ? 'FAILED_NOT_OK_RESPONSE' : last ? 'FAILED_UNEXPECTED_ERROR' : undefined,
      url: this.deps.url() ?? '',
      isAsync: true,
      currentExecutionCount: delivery.attempts.length,
      maxExecutionCount: this.deps.retryDelaysMs.length + 1,
      request: { body: delivery.body, requestedAt: delivery.attempts[0]?.at },
      triggeredAt: delivery.triggeredAt,
    };
  }
}
